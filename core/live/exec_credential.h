// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// client.authentication.k8s.io ExecCredential plugins (the `exec` entry of a kubeconfig
// user), as client-go runs them: the command with its args and extra env, no shell, stdin
// closed (JobScope never runs a plugin interactively), KUBERNETES_EXEC_INFO describing the
// request (and the cluster, with provideClusterInfo). The credential is cached until its
// expirationTimestamp, and the API client asks for a fresh one after a 401.

#include "live/kubeconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QProcess;
class QTimer;

namespace jobscope::live {

struct ExecCredential {
    QString token;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QDateTime expiration; // invalid: valid until the server answers 401
};

// Parses the plugin's standard output. Never quotes the output in an error (it holds the
// credential).
std::optional<ExecCredential>
parseExecCredential(const QByteArray& output, const QString& expectedApiVersion, QString* error);

class ExecCredentialProvider : public QObject {
    Q_OBJECT

public:
    // `connection` gives the plugin config and the cluster info passed with provideClusterInfo.
    explicit ExecCredentialProvider(const KubeConnection& connection, QObject* parent = nullptr);
    ~ExecCredentialProvider() override;

    // The cached credential while it has not expired.
    std::optional<ExecCredential> cached() const;
    // Forgets the cached credential (after a 401), so that the next request runs the plugin.
    void invalidate();
    // Emits ready() at once from the cache, or runs the plugin (once, however many ask).
    void request();
    bool running() const;
    // How long the plugin may run (default 60 s).
    void setTimeout(int milliseconds);
    // The last failure was one that running the plugin again cannot mend: it could not be
    // started (not installed, not executable) or needs an interactive terminal.
    bool cannotRun() const { return cannotRun_; }
    // How many times the plugin has been started (for tests and diagnostics).
    int runCount() const { return runCount_; }

signals:
    void ready(const jobscope::live::ExecCredential& credential);
    void failed(const QString& message);
    // What the plugin wrote to stderr (warnings), once it has finished, with its credential
    // redacted.
    void pluginMessage(const QString& text);

private:
    void finish(int exitCode, bool crashed);
    void fail(const QString& message);
    QByteArray execInfo() const;

    KubeConnection connection_;
    std::optional<ExecCredential> cache_;
    QPointer<QProcess> process_;
    QTimer* timeout_ = nullptr;
    int timeoutMs_ = 60000;
    int runCount_ = 0;
    QByteArray stderrTail_;
    QByteArray stdout_;
    bool cannotRun_ = false;
};

} // namespace jobscope::live
