// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/exec_credential.h"

#include "live/api_client.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>

namespace jobscope::live {

namespace {

// The end of the plugin's stderr that is kept to be shown (a plugin could write without end).
constexpr qsizetype kStderrKeptBytes = 64 * 1024;

} // namespace

std::optional<ExecCredential>
parseExecCredential(const QByteArray& output, const QString& expectedApiVersion, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    if (!document.isObject()) {
        *error = QCoreApplication::translate(
            "ExecCredential", "the exec plugin did not print an ExecCredential JSON object");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("kind")).toString() != QLatin1String("ExecCredential")) {
        *error = QCoreApplication::translate(
            "ExecCredential", "the exec plugin printed an object whose kind is not ExecCredential");
        return std::nullopt;
    }
    const QString apiVersion = root.value(QLatin1String("apiVersion")).toString();
    if (!expectedApiVersion.isEmpty() && apiVersion != expectedApiVersion) {
        *error = QCoreApplication::translate("ExecCredential",
                                             "the exec plugin answered with apiVersion '%1', "
                                             "but the kubeconfig asks for '%2'")
                     .arg(apiVersion, expectedApiVersion);
        return std::nullopt;
    }
    const QJsonObject status = root.value(QLatin1String("status")).toObject();
    ExecCredential credential;
    credential.token = status.value(QLatin1String("token")).toString();
    credential.clientCertificatePem =
        status.value(QLatin1String("clientCertificateData")).toString().toUtf8();
    credential.clientKeyPem = status.value(QLatin1String("clientKeyData")).toString().toUtf8();
    if (credential.token.isEmpty() &&
        (credential.clientCertificatePem.isEmpty() || credential.clientKeyPem.isEmpty())) {
        *error = QCoreApplication::translate(
            "ExecCredential", "the exec plugin's ExecCredential has neither status.token nor "
                              "status.clientCertificateData with status.clientKeyData");
        return std::nullopt;
    }
    const QString expiration = status.value(QLatin1String("expirationTimestamp")).toString();
    if (!expiration.isEmpty()) {
        credential.expiration = QDateTime::fromString(expiration, Qt::ISODateWithMs);
        if (!credential.expiration.isValid()) {
            *error = QCoreApplication::translate(
                         "ExecCredential",
                         "the exec plugin's status.expirationTimestamp '%1' is not RFC 3339")
                         .arg(expiration);
            return std::nullopt;
        }
    }
    return credential;
}

ExecCredentialProvider::ExecCredentialProvider(const KubeConnection& connection, QObject* parent)
    : QObject(parent), connection_(connection), timeout_(new QTimer(this)) {
    timeout_->setSingleShot(true);
    connect(timeout_, &QTimer::timeout, this, [this] {
        if (!process_)
            return;
        QProcess* process = process_;
        process_ = nullptr;
        process->disconnect(this);
        process->kill();
        process->waitForFinished(1000);
        process->deleteLater();
        fail(QCoreApplication::translate("ExecCredential",
                                         "the exec plugin '%1' did not answer within %2 s")
                 .arg(connection_.exec->command)
                 .arg(timeoutMs_ / 1000.0));
    });
}

ExecCredentialProvider::~ExecCredentialProvider() {
    if (process_) {
        process_->disconnect(this);
        process_->kill();
        process_->waitForFinished(1000);
    }
}

std::optional<ExecCredential> ExecCredentialProvider::cached() const {
    if (!cache_)
        return std::nullopt;
    if (cache_->expiration.isValid() && QDateTime::currentDateTimeUtc() >= cache_->expiration)
        return std::nullopt;
    return cache_;
}

void ExecCredentialProvider::invalidate() {
    cache_.reset();
}

bool ExecCredentialProvider::running() const {
    return process_ != nullptr;
}

void ExecCredentialProvider::setTimeout(int milliseconds) {
    timeoutMs_ = milliseconds;
}

QByteArray ExecCredentialProvider::execInfo() const {
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (connection_.exec->provideClusterInfo) {
        QJsonObject cluster{{QStringLiteral("server"), connection_.server}};
        if (!connection_.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), connection_.tlsServerName);
        if (connection_.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        if (!connection_.certificateAuthorityPem.isEmpty())
            cluster.insert(QStringLiteral("certificate-authority-data"),
                           QString::fromLatin1(connection_.certificateAuthorityPem.toBase64()));
        if (!connection_.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), connection_.proxyUrl);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject info{{QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                           {QStringLiteral("apiVersion"), connection_.exec->apiVersion},
                           {QStringLiteral("spec"), spec}};
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

void ExecCredentialProvider::request() {
    if (const auto credential = cached()) {
        emit ready(*credential);
        return;
    }
    if (process_)
        return; // one run answers every request made meanwhile
    if (!connection_.exec) {
        emit failed(QCoreApplication::translate("ExecCredential",
                                                "the kubeconfig user has no exec plugin"));
        return;
    }
    const ExecConfig& exec = *connection_.exec;
    cannotRun_ = false;
    if (exec.interactiveMode == QLatin1String("Always")) {
        cannotRun_ = true;
        emit failed(QCoreApplication::translate(
                        "ExecCredential",
                        "the exec plugin '%1' needs an interactive terminal (interactiveMode: "
                        "Always); log in once with kubectl, then connect again")
                        .arg(exec.command));
        return;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto& [name, value] : exec.env)
        environment.insert(name, value);
    environment.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(execInfo()));

    process_ = new QProcess(this);
    process_->setProcessEnvironment(environment);
    process_->setProgram(exec.command);
    process_->setArguments(exec.args);
    process_->setStandardInputFile(QProcess::nullDevice());
    stderrTail_.clear();
    // What the plugin says is shown once it has finished: only then is its credential known,
    // to be redacted from it.
    connect(process_, &QProcess::readyReadStandardError, this, [this] {
        stderrTail_ = (stderrTail_ + process_->readAllStandardError()).right(kStderrKeptBytes);
    });
    // An ExecCredential is small; a plugin that prints without end is stopped.
    stdout_.clear();
    connect(process_, &QProcess::readyReadStandardOutput, this, [this] {
        stdout_ += process_->readAllStandardOutput();
        if (stdout_.size() <= kMaxObjectBytes)
            return;
        stdout_.clear();
        process_->disconnect(this);
        process_->kill();
        process_->waitForFinished(1000);
        process_->deleteLater();
        process_ = nullptr;
        fail(QCoreApplication::translate("ExecCredential",
                                         "the exec plugin '%1' printed more than %2 MiB, more "
                                         "than any ExecCredential (see docs/limits.md)")
                 .arg(connection_.exec->command)
                 .arg(kMaxObjectBytes / (1024 * 1024)));
    });
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !process_)
            return;
        const QString reason = process_->errorString();
        process_->deleteLater();
        process_ = nullptr;
        QString message = QCoreApplication::translate(
                              "ExecCredential", "the exec plugin '%1' could not be started: %2")
                              .arg(connection_.exec->command, reason);
        if (!connection_.exec->installHint.isEmpty())
            message += QLatin1Char('\n') + connection_.exec->installHint.trimmed();
        cannotRun_ = true;
        fail(message);
    });
    connect(process_, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        finish(exitCode, status == QProcess::CrashExit);
    });
    ++runCount_;
    timeout_->start(timeoutMs_);
    process_->start(QIODevice::ReadOnly);
}

void ExecCredentialProvider::finish(int exitCode, bool crashed) {
    timeout_->stop();
    if (!process_)
        return;
    const QByteArray output = stdout_ + process_->readAllStandardOutput();
    stdout_.clear();
    stderrTail_ = (stderrTail_ + process_->readAllStandardError()).right(kStderrKeptBytes);
    process_->deleteLater();
    process_ = nullptr;
    const QString command = connection_.exec->command;
    if (crashed || exitCode != 0) {
        QString message = QCoreApplication::translate(
                              "ExecCredential", "the exec plugin '%1' failed (exit status %2)")
                              .arg(command)
                              .arg(crashed ? -1 : exitCode);
        const QString stderrText = QString::fromLocal8Bit(stderrTail_.right(2000)).trimmed();
        if (!stderrText.isEmpty())
            message += QStringLiteral(": ") + stderrText;
        fail(message);
        return;
    }
    QString error;
    std::optional<ExecCredential> credential =
        parseExecCredential(output, connection_.exec->apiVersion, &error);
    QString said = QString::fromLocal8Bit(stderrTail_);
    stderrTail_.clear();
    if (credential) {
        QStringList secrets{credential->token};
        for (const QByteArray& line : credential->clientKeyPem.split('\n'))
            if (line.trimmed().size() >= 16 && !line.startsWith("-----"))
                secrets << QString::fromLatin1(line.trimmed());
        for (const QString& secret : std::as_const(secrets))
            if (secret.size() >= 4)
                said.replace(secret, QStringLiteral("[redacted]"));
    }
    if (!said.trimmed().isEmpty())
        emit pluginMessage(said);
    if (!credential) {
        fail(QStringLiteral("%1: %2").arg(command, error));
        return;
    }
    cache_ = credential;
    emit ready(*credential);
}

void ExecCredentialProvider::fail(const QString& message) {
    timeout_->stop();
    emit failed(message);
}

} // namespace jobscope::live
