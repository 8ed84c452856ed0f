// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Compare: two runs on one time axis — e.g. one Pod per item vs Pods that take many items, or
// a Job recorded on a cluster beside the scenario that simulates it — each a TimelinePlot,
// stacked with their x ranges linked, with a summary per side: completion time, Pod-seconds,
// Pods created, failed Pods (core/engine analysis/summary).

#include "run/run.h"

#include <QString>
#include <QWidget>

#include <memory>

namespace jobscope::ui {

class CompareWindow : public QWidget {
    Q_OBJECT

public:
    // Opens with the trade-off the comparison is made for: one Pod per item (top) against Pods
    // that take many items (bottom), from resources/examples/tradeoffs.
    explicit CompareWindow(QWidget* parent = nullptr);
    ~CompareWindow() override;

    // Loads and runs a file (disk, ":/examples/..." or ":/recordings/...") on side 0 (top) or 1
    // (bottom): a scenario or manifest is simulated, a recording replayed. On failure returns
    // false with a positioned message.
    bool openFile(int side, const QString& path, QString* error = nullptr);
    // Shows a run made elsewhere on a side: the open document's, unsaved edits included.
    // `name` stands where a file name would.
    void openRun(int side, std::shared_ptr<const Run> run, const QString& name);
    // The summary line of a side as shown ("Complete at 42.0 s · 120 Pod-seconds · …").
    QString summaryText(int side) const;
    // The shared x range's upper end (both plots show the same range).
    double sharedEnd() const;
    // One sentence naming the faster and the cheaper run ("" until both sides are open).
    QString verdictText() const { return verdict(); }

    QImage renderImage(const QSize& size); // both sides as shown, for export

protected:
    void changeEvent(QEvent* event) override;

private:
    QString title(int side) const;
    QString verdict() const;
    void showSide(int side);
    void linkRanges();
    void chooseFile(int side);
    void fillExamples(int side);
    void retranslate();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace jobscope::ui
