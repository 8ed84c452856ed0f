#include "cli/record_command.h"

#include "cli/cli.h"
#include "cli/output.h"
#include "live/kubeconfig.h"
#include "live/live_session.h"
#include "live/trace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace jobscope::cli {

namespace {

constexpr int kTrailingEventsMs = 1500;

class Record {
    Q_DECLARE_TR_FUNCTIONS(Record)

public:
    static int run(const QStringList& arguments);
};

// SIGINT / SIGTERM end the recording cleanly: the handler only writes a byte to a socket pair,
// and the event loop reads it and quits (nothing else is safe inside a signal handler).
int signalPipe[2] = {-1, -1};

void onSignal(int) {
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
           "until Ctrl-C. Only reads from the cluster."));
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
    parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                                        tr("The trace file to write (JSON Lines)."), tr("file")));
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
    if (job.isEmpty() || output.isEmpty()) {
        printError(tr("record needs --job NAME and -o TRACE"));
        writeErr(tr("Run 'jobscope record --help' for usage.") + QLatin1Char('\n'));
        return ExitBadInput;
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

    live::TraceWriter writer;
    live::TraceHeader header;
    header.recordedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    header.server = connection->server;
    header.jobNamespace = connection->namespaceName;
    header.job = job;
    if (!writer.open(output, header, &error)) {
        printError(error);
        return ExitFailure;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        printError(tr("cannot set up the Ctrl-C handler"));
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
    QObject::connect(&session, &live::LiveSession::observation, &session,
                     [&](const live::Observation& observation) {
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
    QObject::connect(&session, &live::LiveSession::stateChanged, &session,
                     [&](live::LiveState state, const QString& reason) {
                         switch (state) {
                         case live::LiveState::Connecting:
                             writeErr(tr("connecting to %1 (namespace %2) ...\n")
                                          .arg(connection->server, connection->namespaceName));
                             break;
                         case live::LiveState::Connected:
                             writeErr(
                                 reason.isEmpty()
                                     ? tr("connected; recording Job '%1' to %2\n").arg(job, output)
                                     : tr("connected; %1\n").arg(reason));
                             break;
                         case live::LiveState::Reconnecting:
                             writeErr(tr("reconnecting: %1\n").arg(reason));
                             break;
                         case live::LiveState::Stopped:
                             if (!reason.isEmpty()) {
                                 printError(reason);
                                 status = ExitFailure;
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
    writer.close();
    if (status == ExitSuccess)
        writeErr(done ? tr("the Job has finished; %n observation(s) written to %1\n", nullptr,
                           writer.written())
                            .arg(output)
                 : interrupted ? tr("interrupted; %n observation(s) written to %1\n", nullptr,
                                    writer.written())
                                     .arg(output)
                               : QString());
    return status;
}

} // namespace

int runRecord(const QStringList& arguments) {
    return Record::run(arguments);
}

} // namespace jobscope::cli
