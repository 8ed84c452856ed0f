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

#include <algorithm>
#include <climits>
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
    return document.object().value(QLatin1String("message")).toString().left(4096);
}

// The pieces of a secret worth looking for in text: the whole, and for a PEM key each line of
// its base64 body (a message could quote one line).
void addSecret(QStringList& secrets, const QString& secret) {
    const QString trimmed = secret.trimmed();
    if (trimmed.size() < 4 || secrets.contains(trimmed))
        return;
    secrets << trimmed;
    if (!trimmed.startsWith(QLatin1String("-----BEGIN")))
        return;
    for (const QString& line : trimmed.split(QLatin1Char('\n'))) {
        const QString piece = line.trimmed();
        if (piece.size() >= 16 && !piece.startsWith(QLatin1String("-----")) &&
            !secrets.contains(piece))
            secrets << piece;
    }
}

// The user name and password of a URL, as written and decoded.
void addUrlSecrets(QStringList& secrets, const QString& url) {
    const QUrl parsed(url);
    if (!parsed.isValid())
        return;
    for (const QString& part :
         {parsed.userInfo(QUrl::FullyEncoded), parsed.password(QUrl::FullyEncoded),
          parsed.password(QUrl::FullyDecoded),
          parsed.userName(QUrl::FullyDecoded) + QLatin1Char(':') +
              parsed.password(QUrl::FullyDecoded)})
        if (part != QLatin1String(":"))
            addSecret(secrets, part);
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

QString printableServerText(const QString& text, int maxChars) {
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), maxChars) + 8);
    int shown = 0;
    for (const QChar c : text) {
        if (shown >= maxChars) {
            out += QChar(0x2026); // …
            break;
        }
        const char16_t code = c.unicode();
        // C0 and C1 controls, DEL, and the bidirectional overrides that reorder a terminal line.
        if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x202a && code <= 0x202e) ||
            (code >= 0x2066 && code <= 0x2069))
            out += code < 0x100 ? QStringLiteral("\\x%1").arg(int(code), 2, 16, QLatin1Char('0'))
                                : QStringLiteral("\\u%1").arg(int(code), 4, 16, QLatin1Char('0'));
        else
            out += c;
        ++shown;
    }
    return out;
}

QString printableServerText(const QByteArray& bytes, int maxChars) {
    // Decoding more than can be shown would only cost time on a huge line.
    return printableServerText(QString::fromUtf8(bytes.left(qsizetype(maxChars) * 4 + 4)),
                               maxChars);
}

QString displayUrl(const QString& url) {
    const QUrl parsed(url);
    if (!parsed.isValid())
        return printableServerText(url.section(QLatin1Char('@'), -1));
    return parsed.toDisplayString(QUrl::RemoveUserInfo);
}

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
    for (const QString& secret : {connection_.token, QString::fromUtf8(connection_.clientKeyPem)})
        addSecret(configuredSecrets_, secret);
    addUrlSecrets(configuredSecrets_, connection_.server);
    addUrlSecrets(configuredSecrets_, connection_.proxyUrl);
    addUrlSecrets(configuredSecrets_, proxy);
    if (connection_.exec) {
        exec_ = new ExecCredentialProvider(connection_, this);
        connect(exec_, &ExecCredentialProvider::pluginMessage, this,
                [this](const QString& text) { emit message(redactSecrets(text)); });
    }
}

ApiClient::~ApiClient() = default;

QString ApiClient::redactSecrets(const QString& text) const {
    QString out = text;
    const QString redacted = QStringLiteral("[redacted]");
    // Longest first, so that a whole secret goes before a piece of it.
    QStringList secrets = configuredSecrets_ + runtimeSecrets_;
    std::sort(secrets.begin(), secrets.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    for (const QString& secret : std::as_const(secrets))
        out.replace(secret, redacted);
    return out;
}

QString ApiClient::bearerToken(const std::optional<ExecCredential>& credential) const {
    if (credential)
        addSecret(runtimeSecrets_, QString::fromUtf8(credential->clientKeyPem));
    if (credential && !credential->token.isEmpty()) {
        addSecret(runtimeSecrets_, credential->token);
        return credential->token;
    }
    if (!connection_.token.isEmpty())
        return connection_.token;
    if (!connection_.tokenFile.isEmpty()) {
        // Read each time: projected service account tokens are rotated in place. A token is
        // small; a larger file is not a token.
        QFile file(connection_.tokenFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QString token = QString::fromUtf8(file.read(kMaxObjectBytes)).trimmed();
            addSecret(runtimeSecrets_, token);
            return token;
        }
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
                                      result.configurationError = exec_->cannotRun();
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
    // Qt stops reading the socket while this much is unread: a fast server cannot fill memory
    // faster than the answer is taken in.
    network->setReadBufferSize(1024 * 1024);
    // The body of an answer that is not a streamed 2xx, read as it arrives so that its size
    // is known before all of it is in memory.
    auto body = std::make_shared<QByteArray>();
    auto tooLarge = std::make_shared<bool>(false);
    const qint64 maxBody = maxBodyBytes_;
    connect(network, &QNetworkReply::readyRead, reply,
            [network, guard, stream, body, tooLarge, maxBody] {
                if (!guard || !network->isOpen() || *tooLarge)
                    return;
                const int status =
                    network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (stream && status >= 200 && status < 300) {
                    emit guard->chunk(network->readAll());
                    return;
                }
                const QVariant declared = network->header(QNetworkRequest::ContentLengthHeader);
                if ((declared.isValid() && declared.toLongLong() > maxBody) ||
                    body->size() + network->bytesAvailable() > maxBody) {
                    *tooLarge = true;
                    body->clear();
                    network->abort();
                    return;
                }
                body->append(network->readAll());
            });
    connect(
        network, &QNetworkReply::finished, this,
        [this, network, guard, where, path, query, stream, retriedAfterUnauthorized, sslProblems,
         presentsCertificate, body, tooLarge, maxBody] {
            network->deleteLater();
            if (!guard || guard->isFinished())
                return;
            ApiResult result;
            result.aborted = guard->aborted_;
            result.httpStatus =
                network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (*tooLarge) {
                result.httpStatus = 0;
                result.tooLarge = true;
                result.error =
                    QCoreApplication::translate(
                        "ApiClient",
                        "%1: the answer is larger than %2 MiB, the most JobScope reads from one "
                        "request (see docs/limits.md)")
                        .arg(where, QString::number(double(maxBody) / (1024 * 1024), 'g', 4));
                guard->complete(result);
                return;
            }
            // An aborted reply is closed already: reading it would only print a Qt warning.
            if (network->isOpen())
                body->append(network->read(std::max<qint64>(0, maxBody - body->size())));
            if (stream && result.ok() && !body->isEmpty())
                emit guard->chunk(*body);
            else if (!stream)
                result.body = *body;
            if (result.httpStatus == 401 && exec_ && !retriedAfterUnauthorized && !result.aborted) {
                // The plugin's credential was refused: it may have been revoked before its
                // expiration. Run the plugin again, once.
                exec_->invalidate();
                guard->network_ = nullptr;
                send(guard, path, query, stream, true);
                return;
            }
            if (network->hasRawHeader("Retry-After")) {
                // Seconds, as client-go reads it; a value past int's range is still a wait
                // (the watcher caps it).
                bool isNumber = false;
                const qlonglong seconds =
                    network->rawHeader("Retry-After").trimmed().toLongLong(&isNumber);
                if (isNumber && seconds >= 0)
                    result.retryAfterSeconds = int(std::min<qlonglong>(seconds, INT_MAX));
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
            } else if (result.httpStatus >= 300 && result.httpStatus < 400) {
                // An API server answers itself; a redirect means the URL points elsewhere (a
                // login page, a load balancer). Following it would send the credentials on.
                result.configurationError = true;
                const QString location =
                    QString::fromUtf8(network->rawHeader("Location")).trimmed();
                result.error =
                    QCoreApplication::translate(
                        "ApiClient",
                        "%1: the server answered with a redirect (HTTP %2) to '%3'; JobScope does "
                        "not follow redirects of API requests: set the cluster's server in the "
                        "kubeconfig to the API server itself")
                        .arg(where)
                        .arg(result.httpStatus)
                        .arg(printableServerText(displayUrl(location)));
            } else if (!result.ok()) {
                const QString reason = printableServerText(
                    network->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
                QString text = QStringLiteral("%1: HTTP %2 %3")
                                   .arg(where)
                                   .arg(result.httpStatus)
                                   .arg(reason)
                                   .trimmed();
                const QString message = statusMessage(*body);
                if (!message.isEmpty())
                    text += QStringLiteral(": ") + message;
                result.error = text;
            } else if (network->error() != QNetworkReply::NoError) {
                // A 2xx whose body broke off half way (a dropped watch, a cut list).
                result.httpStatus = 0;
                result.error = QStringLiteral("%1: %2").arg(where, network->errorString());
            }
            // Redacted before it is cut and escaped, so that no piece of a credential remains.
            result.error = printableServerText(redactSecrets(result.error), 1000);
            guard->complete(result);
        });
}

} // namespace jobscope::live
