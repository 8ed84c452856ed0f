// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/record_command.h"

#include "cli/cli.h"
#include "cli/output.h"
#include "live/kubeconfig.h"
#include "live/label_selector.h"
#include "live/live_session.h"
#include "live/trace.h"
#include "scenario/scenario_reader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

namespace jobscope::cli {

namespace {

// Failed attempts in a row before giving up, without --timeout: with the back-off (0.8 s
// doubling to 30 s, jittered) about two to five minutes.
constexpr int kMaxAttempts = 10;
constexpr double kDefaultRequestTimeoutSeconds = 30;

class Record {
    Q_DECLARE_TR_FUNCTIONS(Record)

public:
    static int run(const QStringList& arguments);
};

// SIGINT / SIGTERM end the recording cleanly: the handler only writes a byte to a socket pair,
// and the event loop reads it and quits (nothing else is safe inside a signal handler). The
// pair is close-on-exec (an exec plugin must not inherit it) and non-blocking (a flood of
// signals cannot block the handler).
int signalPipe[2] = {-1, -1};
// Also set by the handler: a flood of watch data can keep the event loop busy with what has
// already arrived, so each observation checks it too.
volatile std::sig_atomic_t interruptRequested = 0;

void onSignal(int) {
    interruptRequested = 1;
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

// Messages from the kubeconfig reader already carry "FILE:LINE:COLUMN: error:".
void printConfigError(const QString& message) {
    if (message.contains(QLatin1String(": error: ")))
        writeErr(message.trimmed() + QLatin1Char('\n'));
    else
        printError(message);
}

int Record::run(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Watch a Job on a cluster (the Job, its Pods and their Events) and record what "
           "happens to a trace file, until the Job has finished and none of its Pods runs, or "
           "until Ctrl-C. With --all-jobs or -l, every Job of the namespace (or those the "
           "selector matches) until Ctrl-C or --for. Only reads from the cluster."));
    parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help and exit.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("kubeconfig"),
        tr("The kubeconfig file (default: KUBECONFIG, else ~/.kube/config)."), tr("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("context"),
                                        tr("The kubeconfig context (default: its current one)."),
                                        tr("name")));
    parser.addOption(QCommandLineOption(
        {QStringLiteral("n"), QStringLiteral("namespace")},
        tr("The Job's namespace (default: the context's, else 'default')."), tr("namespace")));
    parser.addOption(QCommandLineOption(QStringLiteral("job"), tr("The name of the Job to record."),
                                        tr("name")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("all-jobs"),
        tr("Record every Job of the namespace instead of one, and the Jobs created while "
           "recording (a CronJob's), until Ctrl-C or --for.")));
    parser.addOption(QCommandLineOption(
        {QStringLiteral("l"), QStringLiteral("selector")},
        tr("Record the Jobs of the namespace whose labels match SELECTOR (as kubectl's -l), "
           "as --all-jobs does."),
        tr("SELECTOR")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("for"),
        tr("With --all-jobs or -l: stop recording after this long, such as 10m."), tr("duration")));
    parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                                        tr("The trace file to write (JSON Lines)."), tr("file")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("timeout"),
        tr("Give up (exit status 1) when the cluster has not answered for this long, at the "
           "start or after losing it, such as 30s or 2m; 0 keeps trying. Default: give up after "
           "%1 failed attempts in a row.")
            .arg(kMaxAttempts),
        tr("duration")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("request-timeout"),
        tr("How long one request may take before it fails and is tried again, such as 30s or "
           "1m; 0: no limit (default: %1s). Watches stream without a limit.")
            .arg(kDefaultRequestTimeoutSeconds),
        tr("duration")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("lang"), tr("Language of messages, such as zh_CN or en."), tr("language")));
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        writeErr(tr("Run 'jobscope record --help' for usage.") + QLatin1Char('\n'));
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help")))
        return writeOut(helpText(parser, QStringLiteral("jobscope record"))) ? ExitSuccess
                                                                             : ExitFailure;
    if (!parser.positionalArguments().isEmpty()) {
        printError(tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return ExitBadInput;
    }
    const QString job = parser.value(QStringLiteral("job"));
    const QString output = parser.value(QStringLiteral("output"));
    const QString selector = parser.value(QStringLiteral("selector"));
    const bool everyJob =
        parser.isSet(QStringLiteral("all-jobs")) || parser.isSet(QStringLiteral("selector"));
    if ((job.isEmpty() == !everyJob) || output.isEmpty()) {
        printError(tr("record needs --job NAME (or --all-jobs, or -l SELECTOR) and -o TRACE"));
        writeErr(tr("Run 'jobscope record --help' for usage.") + QLatin1Char('\n'));
        return ExitBadInput;
    }
    if (!everyJob && parser.isSet(QStringLiteral("for"))) {
        printError(tr("--for goes with --all-jobs or -l: one Job is recorded until it finishes"));
        return ExitBadInput;
    }
    if (everyJob) {
        QString invalid;
        if (!live::LabelSelector::parse(selector, &invalid)) {
            printError(invalid);
            return ExitBadInput;
        }
    }

    // Durations as kubectl writes them (30s, 1m, 0), or a number of seconds.
    std::optional<double> timeout, recordFor;
    double requestTimeout = kDefaultRequestTimeoutSeconds;
    for (const char* name : {"timeout", "request-timeout", "for"}) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            continue;
        const QString value = parser.value(option);
        const std::optional<double> seconds = parseDurationSeconds(value.trimmed().toStdString());
        if (!seconds) {
            printError(
                tr("--%1: '%2' is not a duration (such as 30s, 1m, or 0)").arg(option, value));
            return ExitBadInput;
        }
        if (option == QLatin1String("timeout"))
            timeout = *seconds;
        else if (option == QLatin1String("for"))
            recordFor = *seconds;
        else
            requestTimeout = *seconds;
    }

    live::KubeconfigOptions options;
    options.kubeconfig = parser.value(QStringLiteral("kubeconfig"));
    options.context = parser.value(QStringLiteral("context"));
    options.namespaceName = parser.value(QStringLiteral("namespace"));
    options.noKubeconfigHint = tr("use --kubeconfig FILE");
    QString error;
    const std::optional<live::KubeConnection> connection = live::resolveConnection(options, &error);
    if (!connection) {
        printConfigError(error);
        return ExitBadInput;
    }

    // Both become part of request paths: nothing but a valid name may reach a URL.
    if (const QString invalid = live::invalidJobTarget(connection->namespaceName, job);
        !invalid.isEmpty()) {
        printError(invalid);
        return ExitBadInput;
    }
    const QString server = live::displayUrl(connection->server);

    live::TraceWriter writer;
    live::TraceHeader header;
    header.recordedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    header.server = server;
    header.jobNamespace = connection->namespaceName;
    header.job = job;
    // A recording that fails keeps the trace that was there.
    if (!writer.openReplacing(output, header, &error)) {
        printError(error);
        return ExitFailure;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, signalPipe) != 0) {
        printError(tr("cannot set up the Ctrl-C handler"));
        writer.discard();
        return ExitFailure;
    }
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    int status = ExitSuccess;
    bool interrupted = false;
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[0], &byte, 1);
        interrupted = true;
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    struct sigaction oldInt = {};
    struct sigaction oldTerm = {};
    sigaction(SIGINT, &action, &oldInt);
    sigaction(SIGTERM, &action, &oldTerm);

    live::LiveSession session(*connection, job);
    session.setJobSelector(selector);
    // --for: a recording of every Job ends after it, as after Ctrl-C.
    QTimer stopAfter;
    stopAfter.setSingleShot(true);
    bool timeUp = false;
    QObject::connect(&stopAfter, &QTimer::timeout, &session, [&] {
        timeUp = true;
        QCoreApplication::quit();
    });
    if (recordFor && *recordFor > 0)
        stopAfter.start(live::timerMilliseconds(*recordFor));
    live::WatchOptions tuning;
    tuning.maxAttempts = timeout ? 0 : kMaxAttempts;
    session.setWatchTuning(tuning);
    session.client()->setRequestTimeout(live::timerMilliseconds(requestTimeout));
    // --timeout: the longest time without a working connection, at the start or after losing it.
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QString lastFailure;
    QObject::connect(&giveUp, &QTimer::timeout, &session, [&] {
        printError(lastFailure.isEmpty()
                       ? tr("no answer from %1 within %2 (--timeout)")
                             .arg(server, parser.value(QStringLiteral("timeout")))
                       : tr("no answer from %1 within %2 (--timeout); the last attempt: %3")
                             .arg(server, parser.value(QStringLiteral("timeout")), lastFailure));
        status = ExitFailure;
        QCoreApplication::quit();
    });
    const auto waitForCluster = [&] {
        if (timeout && *timeout > 0 && !giveUp.isActive())
            giveUp.start(live::timerMilliseconds(*timeout));
    };
    bool everConnected = false;
    interruptRequested = 0;
    QObject::connect(&session, &live::LiveSession::observation, &session,
                     [&](const live::Observation& observation) {
                         if (interruptRequested) {
                             interrupted = true;
                             session.stop();
                             QCoreApplication::quit();
                             return;
                         }
                         QString writeError;
                         if (!writer.append(observation, &writeError)) {
                             printError(writeError);
                             status = ExitFailure;
                             QCoreApplication::quit();
                         }
                     });
    QObject::connect(&session, &live::LiveSession::warning, &session, [](const QString& text) {
        writeErr(QStringLiteral("jobscope: warning: %1\n").arg(text.trimmed()));
    });
    QObject::connect(
        &session, &live::LiveSession::stateChanged, &session,
        [&](live::LiveState state, const QString& reason) {
            switch (state) {
            case live::LiveState::Connecting:
                writeErr(tr("connecting to %1 (namespace %2) ...\n")
                             .arg(server, connection->namespaceName));
                waitForCluster();
                break;
            case live::LiveState::Connected:
                giveUp.stop();
                everConnected = true;
                lastFailure.clear();
                writeErr(!reason.isEmpty() ? tr("connected; %1\n").arg(reason)
                         : everyJob
                             ? (selector.isEmpty()
                                    ? tr("connected; recording every Job of namespace %1 to %2\n")
                                          .arg(connection->namespaceName, output)
                                    : tr("connected; recording the Jobs of namespace %1 that "
                                         "match '%2' to %3\n")
                                          .arg(connection->namespaceName, selector, output))
                             : tr("connected; recording Job '%1' to %2\n").arg(job, output));
                break;
            case live::LiveState::Reconnecting:
                waitForCluster();
                // One line per failed attempt (the reason names it).
                if (reason.isEmpty() || reason == lastFailure)
                    break;
                lastFailure = reason;
                writeErr(everConnected ? tr("reconnecting: %1\n").arg(reason)
                                       : tr("cannot reach the cluster: %1\n").arg(reason));
                break;
            case live::LiveState::Stopped:
                if (!reason.isEmpty()) {
                    printError(reason);
                    status = session.stoppedOnConfiguration() ? ExitBadInput : ExitFailure;
                }
                QCoreApplication::quit();
                break;
            }
        });
    // Events about the last changes (a Pod's "Completed", the Job's) can trail the Job's own
    // update by a moment: keep watching briefly before closing the trace.
    QObject::connect(&session, &live::LiveSession::finished, &session, [] {
        QTimer::singleShot(kTrailingEventsMs, [] { QCoreApplication::quit(); });
    });
    session.start();
    QCoreApplication::exec();

    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGTERM, &oldTerm, nullptr);
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
    signalPipe[0] = signalPipe[1] = -1;
    const bool done = session.jobDone();
    session.stop();
    if (status == ExitSuccess) {
        if (!writer.commit(&error)) {
            printError(error);
            return ExitFailure;
        }
    } else if (writer.written() > 0) {
        const QString partial = writer.path();
        writer.close();
        writeErr(tr("%1 is unchanged; the %n observation(s) recorded are in %2\n", nullptr,
                    writer.written())
                     .arg(output, partial));
    } else {
        writer.discard();
    }
    if (status == ExitSuccess)
        writeErr(done ? tr("the Job has finished; %n observation(s) written to %1\n", nullptr,
                           writer.written())
                            .arg(output)
                 : interrupted ? tr("interrupted; %n observation(s) written to %1\n", nullptr,
                                    writer.written())
                                     .arg(output)
                 : timeUp ? tr("recorded for %1; %n observation(s) written to %2\n", nullptr,
                               writer.written())
                                .arg(parser.value(QStringLiteral("for")), output)
                          : QString());
    return status;
}

} // namespace

int runRecord(const QStringList& arguments) {
    return Record::run(arguments);
}

} // namespace jobscope::cli
