// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Kubernetes API client: read-only by construction. get() is the only request it can
// send (list and watch are both GETs); there is no method for anything else. TLS follows the
// kubeconfig (cluster CA, client certificate and key, insecure-skip-tls-verify,
// tls-server-name), proxy-url (else HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as kubectl reads them:
// live/proxy_environment.h) picks an HTTP or SOCKS5 proxy, and the bearer token comes from
// the kubeconfig, its tokenFile or an exec plugin (run again once after a 401). Plain
// http://127.0.0.1:8001 (kubectl proxy) works without credentials.
//
// No credential ever leaves this class: errors name the method, URL and HTTP status, and
// redactSecrets() removes the token from any text that could still echo it.

#include "live/exec_credential.h"
#include "live/kubeconfig.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace jobscope::live {

struct ApiResult {
    int httpStatus = 0; // 0: no HTTP answer (connection refused, TLS failure, aborted)
    QByteArray body;    // the whole body (empty for streamed replies)
    QString error;      // empty on a 2xx answer; never holds a credential
    std::optional<int> retryAfterSeconds; // from a 429's (or 503's) Retry-After header
    bool aborted = false;                 // abort() was called
    // The TLS handshake failed (an unverified server certificate, a refused or missing client
    // certificate): the same request will fail again until the kubeconfig changes.
    bool tlsFailure = false;

    bool ok() const { return httpStatus >= 200 && httpStatus < 300 && !aborted; }
};

class ApiReply : public QObject {
    Q_OBJECT

public:
    // Cancels the request; finished() follows with aborted set, unless it already came.
    void abort();
    bool isFinished() const { return finished_; }

signals:
    // Streamed replies only, after a 2xx status: the body as it arrives.
    void chunk(const QByteArray& bytes);
    // Exactly once; the reply deletes itself afterwards (deleteLater).
    void finished(const jobscope::live::ApiResult& result);

private:
    friend class ApiClient;
    explicit ApiReply(QObject* parent) : QObject(parent) {}
    void complete(const ApiResult& result);

    QPointer<QNetworkReply> network_;
    bool finished_ = false;
    bool aborted_ = false;
};

class ApiClient : public QObject {
    Q_OBJECT

public:
    explicit ApiClient(const KubeConnection& connection, QObject* parent = nullptr);
    ~ApiClient() override;

    // GET server + path ? query. `stream`: the body arrives through chunk() and no transfer
    // timeout applies (the watcher keeps its own idle watchdog).
    ApiReply* get(const QString& path, const QUrlQuery& query = {}, bool stream = false);

    QString server() const { return connection_.server; }
    QString namespaceName() const { return connection_.namespaceName; }
    QStringList warnings() const { return connection_.warnings; }
    // Replaces every credential this client knows of in `text` with "[redacted]".
    QString redactSecrets(const QString& text) const;
    // Transfer timeout of non-streamed requests (default 30 s; 0: none).
    void setRequestTimeout(int milliseconds) { requestTimeoutMs_ = milliseconds; }
    // The exec plugin's provider, when the user has one (tests check its cache).
    ExecCredentialProvider* execProvider() const { return exec_; }

signals:
    // Text for the user that is not an error: exec plugin output, TLS warnings.
    void message(const QString& text);

private:
    void send(ApiReply* reply, const QString& path, const QUrlQuery& query, bool stream,
              bool retriedAfterUnauthorized);
    void sendWithCredential(ApiReply* reply, const QString& path, const QUrlQuery& query,
                            bool stream, bool retriedAfterUnauthorized,
                            const std::optional<ExecCredential>& credential);
    QString bearerToken(const std::optional<ExecCredential>& credential) const;

    KubeConnection connection_;
    QNetworkAccessManager* network_ = nullptr;
    ExecCredentialProvider* exec_ = nullptr;
    int requestTimeoutMs_ = 30000;
    mutable QString lastExecToken_; // for redaction
};

} // namespace jobscope::live
