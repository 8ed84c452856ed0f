// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/run_jobscope.h"

#include "support/test_paths.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QtGlobal>

namespace jobscope::test {

JobscopeRun runJobscope(const QStringList& arguments, const JobscopeRunOptions& options) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name :
         {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE", "LC_MESSAGES"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LC_ALL"), options.locale);
    env.insert(QStringLiteral("LANG"), options.locale);
    process.setProcessEnvironment(env);
    if (!options.workDir.isEmpty())
        process.setWorkingDirectory(options.workDir);
    process.start(jobscopeExecutable(), arguments);
    JobscopeRun run;
    if (!process.waitForStarted(10000)) {
        qWarning("cannot start %s", qPrintable(jobscopeExecutable()));
        return run;
    }
    if (!options.input.isEmpty())
        process.write(options.input);
    process.closeWriteChannel();
    if (!process.waitForFinished(90000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace jobscope::test
