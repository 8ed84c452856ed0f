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

// What one answer may hold (docs/limits.md). The API server accepts at most 3 MiB for one
// object (MaxRequestBodyBytes, twice etcd's 1.5 MiB request limit because JSON is larger than
// the stored protobuf); a watch line is one such object in its {"type", "object"} envelope.
inline constexpr qint64 kMaxObjectBytes = 3 * 1024 * 1024;
inline constexpr qint64 kMaxWatchLineBytes = kMaxObjectBytes + 1024 * 1024;
// A list page is at most `limit` (500) objects; Jobs, Pods and Events are a few KiB each, so a
// page is a few MiB: 256 MiB leaves room for unusually large objects and bounds the memory.
inline constexpr qint64 kMaxListBodyBytes = 256 * 1024 * 1024;

// Text the server sent, safe to print: control characters (NUL, ESC, …) become \xNN escapes,
// and the text is cut at `maxChars` characters with an ellipsis.
QString printableServerText(const QByteArray& bytes, int maxChars = 200);
QString printableServerText(const QString& text, int maxChars = 200);

// The URL as it may be shown: without user name and password.
QString displayUrl(const QString& url);

struct ApiResult {
    int httpStatus = 0; // 0: no HTTP answer (connection refused, TLS failure, aborted)
    QByteArray body;    // the whole body (empty for streamed replies)
    QString error;      // empty on a 2xx answer; never holds a credential
    std::optional<int> retryAfterSeconds; // from a 429's (or 503's) Retry-After header
    bool aborted = false;                 // abort() was called
    // The TLS handshake failed (an unverified server certificate, a refused or missing client
    // certificate): the same request will fail again until the kubeconfig changes.
    bool tlsFailure = false;
    // Retrying cannot help until the kubeconfig changes (an exec plugin that cannot start, a
    // redirect away from the configured server): the caller reports it as bad input.
    bool configurationError = false;
    // The answer was larger than the limit for its kind (kMaxListBodyBytes, …).
    bool tooLarge = false;

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

    // The server's URL without credentials, safe to show and to write to a trace.
    QString server() const { return displayUrl(connection_.server); }
    QString namespaceName() const { return connection_.namespaceName; }
    QStringList warnings() const { return connection_.warnings; }
    // Replaces every credential this client knows of in `text` with "[redacted]".
    QString redactSecrets(const QString& text) const;
    // Transfer timeout of non-streamed requests (default 30 s; 0: none).
    void setRequestTimeout(int milliseconds) { requestTimeoutMs_ = milliseconds; }
    // The largest body a non-streamed answer may have (default kMaxListBodyBytes).
    void setMaxBodyBytes(qint64 bytes) { maxBodyBytes_ = bytes; }
    qint64 maxBodyBytes() const { return maxBodyBytes_; }
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
    qint64 maxBodyBytes_ = kMaxListBodyBytes;
    // Credentials that arrive while running (for redaction): the exec plugin's token and
    // key, the tokenFile's contents.
    mutable QStringList runtimeSecrets_;
    QStringList configuredSecrets_; // the kubeconfig's token, key, URL passwords
};

} // namespace jobscope::live
