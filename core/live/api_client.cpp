// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/api_client.h"

#include "live/proxy_environment.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrl>

#include <memory>

namespace jobscope::live {

namespace {

QSslKey loadKey(const QByteArray& pem) {
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return key;
    }
    return {};
}

// The `message` of a Kubernetes Status body, if the body is one.
QString statusMessage(const QByteArray& body) {
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return {};
    return document.object().value(QLatin1String("message")).toString();
}

// The client did not accept the server's certificate, or the server refused the handshake
// with a TLS alert (OpenSSL says "SSL routines::tlsv13 alert certificate required", "... alert
// unknown ca"; Qt reports those as an unknown network error).
bool isTlsFailure(const QNetworkReply& network, const QStringList& sslProblems) {
    if (network.error() == QNetworkReply::SslHandshakeFailedError || !sslProblems.isEmpty())
        return true;
    const QString text = network.errorString();
    return text.contains(QLatin1String("SSL routines")) && text.contains(QLatin1String(" alert "));
}

// "GET URL: TLS handshake failed: <why>", with a hint at the kubeconfig entry to fix.
QString tlsFailureText(const QString& where, const QString& networkError,
                       const QStringList& sslProblems, bool presentedCertificate) {
    QString text = QCoreApplication::translate("ApiClient", "%1: TLS handshake failed: %2")
                       .arg(where, sslProblems.isEmpty() ? networkError : sslProblems.join("; "));
    if (!sslProblems.isEmpty())
        text += QCoreApplication::translate(
            "ApiClient", " (check the cluster's certificate-authority and tls-server-name in the "
                         "kubeconfig)");
    else if (!presentedCertificate)
        text += QCoreApplication::translate(
            "ApiClient", " (the server may require a client certificate: the kubeconfig user has "
                         "none)");
    else
        text += QCoreApplication::translate(
            "ApiClient", " (the server may not accept the kubeconfig user's client certificate)");
    return text;
}

} // namespace

void ApiReply::abort() {
    if (finished_)
        return;
    aborted_ = true;
    if (network_) {
        network_->abort(); // finishes through the network reply's own finished()
        return;
    }
    ApiResult result;
    result.aborted = true;
    complete(result);
}

void ApiReply::complete(const ApiResult& result) {
    if (finished_)
        return;
    finished_ = true;
    emit finished(result);
    deleteLater();
}

ApiClient::ApiClient(const KubeConnection& connection, QObject* parent)
    : QObject(parent), connection_(connection), network_(new QNetworkAccessManager(this)) {
    // No cookies, no cache, no redirects to another host: every answer comes from the server.
    network_->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    // The kubeconfig's proxy-url, else HTTPS_PROXY / HTTP_PROXY / NO_PROXY as kubectl reads
    // them; never the system's proxy settings otherwise.
    const QString proxy = !connection_.proxyUrl.isEmpty()
                              ? connection_.proxyUrl
                              : proxyFromEnvironment(QUrl(connection_.server));
    if (!proxy.isEmpty()) {
        const QUrl proxyUrl(proxy);
        const QString scheme = proxyUrl.scheme().toLower();
        const QNetworkProxy::ProxyType type = scheme.startsWith(QLatin1String("socks"))
                                                  ? QNetworkProxy::Socks5Proxy
                                                  : QNetworkProxy::HttpProxy;
        // Without a port, the scheme's (as Go dials a proxy URL).
        const int port = type == QNetworkProxy::Socks5Proxy ? 1080
                         : scheme == QLatin1String("https") ? 443
                                                            : 80;
        network_->setProxy(QNetworkProxy(type, proxyUrl.host(), quint16(proxyUrl.port(port)),
                                         proxyUrl.userName(), proxyUrl.password()));
    } else {
        network_->setProxy(QNetworkProxy::NoProxy);
    }
    if (connection_.exec) {
        exec_ = new ExecCredentialProvider(connection_, this);
        connect(exec_, &ExecCredentialProvider::pluginMessage, this, &ApiClient::message);
    }
}

ApiClient::~ApiClient() = default;

QString ApiClient::redactSecrets(const QString& text) const {
    QString out = text;
    const QString redacted = QStringLiteral("[redacted]");
    for (const QString& secret : {connection_.token, lastExecToken_})
        if (secret.size() >= 4)
            out.replace(secret, redacted);
    return out;
}

QString ApiClient::bearerToken(const std::optional<ExecCredential>& credential) const {
    if (credential && !credential->token.isEmpty()) {
        lastExecToken_ = credential->token;
        return credential->token;
    }
    if (!connection_.token.isEmpty())
        return connection_.token;
    if (!connection_.tokenFile.isEmpty()) {
        // Read each time: projected service account tokens are rotated in place.
        QFile file(connection_.tokenFile);
        if (file.open(QIODevice::ReadOnly))
            return QString::fromUtf8(file.readAll()).trimmed();
    }
    return {};
}

ApiReply* ApiClient::get(const QString& path, const QUrlQuery& query, bool stream) {
    auto* reply = new ApiReply(this);
    // Asynchronous even when the credential is cached, so that callers can connect first.
    QMetaObject::invokeMethod(
        this,
        [this, reply = QPointer<ApiReply>(reply), path, query, stream] {
            if (reply && !reply->isFinished())
                send(reply, path, query, stream, false);
        },
        Qt::QueuedConnection);
    return reply;
}

void ApiClient::send(ApiReply* reply, const QString& path, const QUrlQuery& query, bool stream,
                     bool retriedAfterUnauthorized) {
    if (!exec_) {
        sendWithCredential(reply, path, query, stream, retriedAfterUnauthorized, std::nullopt);
        return;
    }
    // Wait for the plugin; one run answers every request waiting for it.
    auto connections =
        std::make_shared<std::pair<QMetaObject::Connection, QMetaObject::Connection>>();
    QPointer<ApiReply> guard(reply);
    connections->first = connect(exec_, &ExecCredentialProvider::ready, this,
                                 [this, guard, path, query, stream, retriedAfterUnauthorized,
                                  connections](const ExecCredential& credential) {
                                     disconnect(connections->first);
                                     disconnect(connections->second);
                                     if (guard && !guard->isFinished())
                                         sendWithCredential(guard, path, query, stream,
                                                            retriedAfterUnauthorized, credential);
                                 });
    connections->second = connect(exec_, &ExecCredentialProvider::failed, this,
                                  [this, guard, connections](const QString& error) {
                                      disconnect(connections->first);
                                      disconnect(connections->second);
                                      if (!guard)
                                          return;
                                      ApiResult result;
                                      result.error = redactSecrets(error);
                                      guard->complete(result);
                                  });
    exec_->request();
}

void ApiClient::sendWithCredential(ApiReply* reply, const QString& path, const QUrlQuery& query,
                                   bool stream, bool retriedAfterUnauthorized,
                                   const std::optional<ExecCredential>& credential) {
    QUrl url(connection_.server);
    url.setPath(url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) + path
                                                      : url.path() + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent",
                         "jobscope/" +
                             QCoreApplication::applicationVersion().toUtf8().replace(' ', '-') +
                             " (read-only)");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(stream ? 0 : requestTimeoutMs_);
    const QString token = bearerToken(credential);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    bool presentsCertificate = false;
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!connection_.certificateAuthorityPem.isEmpty())
            ssl.setCaCertificates(
                QSslCertificate::fromData(connection_.certificateAuthorityPem, QSsl::Pem));
        const QByteArray certificate = credential && !credential->clientCertificatePem.isEmpty()
                                           ? credential->clientCertificatePem
                                           : connection_.clientCertificatePem;
        const QByteArray key = credential && !credential->clientKeyPem.isEmpty()
                                   ? credential->clientKeyPem
                                   : connection_.clientKeyPem;
        if (!certificate.isEmpty() && !key.isEmpty()) {
            const QList<QSslCertificate> chain = QSslCertificate::fromData(certificate, QSsl::Pem);
            if (!chain.isEmpty()) {
                ssl.setLocalCertificate(chain.first());
                ssl.setLocalCertificateChain(chain);
            }
            ssl.setPrivateKey(loadKey(key));
            presentsCertificate = !chain.isEmpty() && !ssl.privateKey().isNull();
        }
        if (connection_.insecureSkipTlsVerify)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(ssl);
        if (!connection_.tlsServerName.isEmpty())
            request.setPeerVerifyName(connection_.tlsServerName);
    }

    QNetworkReply* network = network_->get(request);
    reply->network_ = network;
    QPointer<ApiReply> guard(reply);
    // The URL without user info: safe to show.
    const QString where =
        QStringLiteral("GET %1").arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    // Why the server's certificate was not accepted, for the error that follows. (With
    // insecure-skip-tls-verify Qt still reports a name mismatch, and goes on.)
    auto sslProblems = std::make_shared<QStringList>();
    if (url.scheme() == QLatin1String("https") && !connection_.insecureSkipTlsVerify)
        connect(network, &QNetworkReply::sslErrors, this,
                [this, sslProblems](const QList<QSslError>& errors) {
                    for (const QSslError& error : errors)
                        if (!sslProblems->contains(redactSecrets(error.errorString())))
                            *sslProblems << redactSecrets(error.errorString());
                });
    if (stream)
        connect(network, &QNetworkReply::readyRead, reply, [network, guard] {
            const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (guard && status >= 200 && status < 300 && network->isOpen())
                emit guard->chunk(network->readAll());
        });
    connect(
        network, &QNetworkReply::finished, this,
        [this, network, guard, where, path, query, stream, retriedAfterUnauthorized, sslProblems,
         presentsCertificate] {
            network->deleteLater();
            if (!guard || guard->isFinished())
                return;
            ApiResult result;
            result.aborted = guard->aborted_;
            result.httpStatus =
                network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            // An aborted reply is closed already: reading it would only print a Qt warning.
            const QByteArray body = network->isOpen() ? network->readAll() : QByteArray();
            if (stream && result.ok() && !body.isEmpty())
                emit guard->chunk(body);
            else if (!stream)
                result.body = body;
            if (result.httpStatus == 401 && exec_ && !retriedAfterUnauthorized && !result.aborted) {
                // The plugin's credential was refused: it may have been revoked before its
                // expiration. Run the plugin again, once.
                exec_->invalidate();
                guard->network_ = nullptr;
                send(guard, path, query, stream, true);
                return;
            }
            if (network->hasRawHeader("Retry-After")) {
                bool isNumber = false;
                const int seconds = network->rawHeader("Retry-After").trimmed().toInt(&isNumber);
                if (isNumber && seconds >= 0)
                    result.retryAfterSeconds = seconds;
            }
            if (result.aborted) {
                result.error = QCoreApplication::translate("ApiClient", "%1: cancelled").arg(where);
            } else if (result.httpStatus == 0 && isTlsFailure(*network, *sslProblems)) {
                result.tlsFailure = true;
                result.error = tlsFailureText(where, network->errorString(), *sslProblems,
                                              presentsCertificate);
            } else if (result.httpStatus == 0 && !stream && requestTimeoutMs_ > 0 &&
                       network->error() == QNetworkReply::OperationCanceledError) {
                // The transfer timeout cancelled it (Qt says only "Operation canceled").
                result.error = QCoreApplication::translate(
                                   "ApiClient", "%1: no answer within %2 s (the request timeout)")
                                   .arg(where, QString::number(requestTimeoutMs_ / 1000.0));
            } else if (result.httpStatus == 0) {
                result.error = QStringLiteral("%1: %2").arg(where, network->errorString());
            } else if (!result.ok()) {
                const QString reason =
                    network->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
                QString text = QStringLiteral("%1: HTTP %2 %3")
                                   .arg(where)
                                   .arg(result.httpStatus)
                                   .arg(reason)
                                   .trimmed();
                const QString message = statusMessage(body);
                if (!message.isEmpty())
                    text += QStringLiteral(": ") + message;
                result.error = text;
            } else if (network->error() != QNetworkReply::NoError) {
                // A 2xx whose body broke off half way (a dropped watch, a cut list).
                result.httpStatus = 0;
                result.error = QStringLiteral("%1: %2").arg(where, network->errorString());
            }
            result.error = redactSecrets(result.error);
            guard->complete(result);
        });
}

} // namespace jobscope::live
