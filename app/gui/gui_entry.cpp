#include "gui/gui_entry.h"

#include <QCoreApplication>
#include <QTextStream>

namespace jobscope::ui {

int runGui(const QStringList& /*files*/, const QString& /*language*/) {
    QTextStream(stderr) << QCoreApplication::translate("Cli", "the GUI is not available yet")
                        << '\n';
    return 2;
}

} // namespace jobscope::ui
