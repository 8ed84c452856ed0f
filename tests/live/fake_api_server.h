// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A fake Kubernetes API server for the live tests: HTTP/1.1 (or HTTPS, with listenTls) on
// 127.0.0.1 only, one handler decides every answer, and an answer can be a whole body or a chunked
// stream whose chunks the test sends when it likes (split lines, bookmarks, ERROR events, a dropped
// connection, silence). Every request is recorded (method, path, query, headers) so tests can check
// that only GET was sent and what the client asked for. Header-only: tests/live and tests/cli share
// it.

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace jobscope::test {

struct FakeRequest {
    QByteArray method;
    QString path;
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QString clientCertificateSubject;     // TLS: the CN of the certificate the client presented

    bool isWatch() const { return query.queryItemValue(QStringLiteral("watch")) == "true"; }
    QString value(const char* key) const { return query.queryItemValue(QLatin1String(key)); }
};

// One request and its answer, alive as long as the test holds it (a stream may go on for a
// while after the handler returns).
class FakeExchange {
public:
    FakeExchange(QTcpSocket* socket, FakeRequest request)
        : socket_(socket), request_(std::move(request)) {}

    const FakeRequest& request() const { return request_; }
    bool connected() const {
        return socket_ && socket_->state() == QAbstractSocket::ConnectedState;
    }
    // Bytes written that the client has not taken yet (beyond what the kernel holds).
    qint64 bytesToWrite() const { return socket_ ? socket_->bytesToWrite() : 0; }

    void respond(int status, const QByteArray& body,
                 const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
        if (!socket_)
            return;
        QByteArray out = statusLine(status);
        out +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
        for (const auto& [name, value] : headers)
            out += name + ": " + value + "\r\n";
        out += "\r\n" + body;
        socket_->write(out);
    }
    void respondJson(int status, const QJsonObject& body,
                     const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
        respond(status, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    // A Kubernetes Status answer ("Failure", with reason and message).
    void respondStatus(int status, const QString& reason, const QString& message,
                       const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
        respondJson(status,
                    QJsonObject{{"kind", "Status"},
                                {"apiVersion", "v1"},
                                {"status", "Failure"},
                                {"reason", reason},
                                {"message", message},
                                {"code", status}},
                    headers);
    }
    // Exactly these bytes (a status line and headers the test writes itself: a Content-Length
    // that lies, a redirect).
    void respondRaw(const QByteArray& bytes) {
        if (socket_)
            socket_->write(bytes);
    }
    // Chunks from `next` for as long as the client reads them, with at most `buffered` bytes
    // waiting in the socket (so that the server side's memory stays small however long it
    // goes); `next` returns an empty array to end the stream. Returns the bytes sent so far
    // through `sent`.
    void pump(std::function<QByteArray()> next, std::shared_ptr<qint64> sent = {},
              qint64 buffered = 256 * 1024) {
        if (!socket_)
            return;
        // One generator for every call, however often the lambda is copied.
        auto generator = std::make_shared<std::function<QByteArray()>>(std::move(next));
        auto fill = [socket = socket_, generator, sent, buffered] {
            while (socket && socket->state() == QAbstractSocket::ConnectedState &&
                   socket->bytesToWrite() < buffered) {
                const QByteArray bytes = (*generator)();
                if (bytes.isEmpty()) {
                    socket->write("0\r\n\r\n");
                    socket->disconnect(socket, &QTcpSocket::bytesWritten, nullptr, nullptr);
                    return;
                }
                socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
                if (sent)
                    *sent += bytes.size();
            }
        };
        QObject::connect(socket_, &QTcpSocket::bytesWritten, socket_, fill);
        fill();
    }
    void beginStream(int status = 200) {
        if (!socket_)
            return;
        socket_->write(statusLine(status) +
                       "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        socket_->flush();
    }
    // One HTTP chunk; `bytes` need not be a whole line.
    void chunk(const QByteArray& bytes) {
        if (!socket_ || bytes.isEmpty())
            return;
        socket_->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
        socket_->flush();
    }
    // A watch event line: {"type": TYPE, "object": OBJECT}\n, as one chunk.
    void event(const QString& type, const QJsonObject& object) { chunk(eventLine(type, object)); }
    void endStream() {
        if (!socket_)
            return;
        socket_->write("0\r\n\r\n");
        socket_->flush();
    }
    // The connection breaks without an end of stream.
    void drop() {
        if (socket_)
            socket_->abort();
    }

    static QByteArray eventLine(const QString& type, const QJsonObject& object) {
        return QJsonDocument(QJsonObject{{"type", type}, {"object", object}})
                   .toJson(QJsonDocument::Compact) +
               '\n';
    }

private:
    static QByteArray statusLine(int status) {
        return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    }
    static QByteArray reasonPhrase(int status) {
        switch (status) {
        case 200:
            return "OK";
        case 302:
            return "Found";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 410:
            return "Gone";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        default:
            return "Status";
        }
    }

    QPointer<QTcpSocket> socket_;
    FakeRequest request_;
};

using FakeExchangePtr = std::shared_ptr<FakeExchange>;

// The server side of TLS: its certificate and key, and whether clients must present a
// certificate signed by `clientCaPem`.
struct FakeTls {
    QByteArray certificatePem;
    QByteArray keyPem; // RSA
    QByteArray clientCaPem;
    bool requireClientCertificate = false;
};

// A QTcpServer that, in TLS mode, hands over each connection once its handshake succeeded and
// remembers why the others failed.
class FakeTcpServer : public QTcpServer {
public:
    std::optional<QSslConfiguration> tls;
    std::function<void(QTcpSocket*)> accepted;
    QStringList handshakeErrors; // server side: what went wrong with a client

protected:
    void incomingConnection(qintptr descriptor) override {
        if (!tls) {
            QTcpServer::incomingConnection(descriptor);
            return;
        }
        auto* socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(*tls);
        QObject::connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            if (accepted)
                accepted(socket);
        });
        QObject::connect(socket, &QSslSocket::sslErrors, this,
                         [this](const QList<QSslError>& errors) {
                             for (const QSslError& error : errors)
                                 handshakeErrors << error.errorString();
                         });
        QObject::connect(socket, &QSslSocket::errorOccurred, this,
                         [this, socket](QAbstractSocket::SocketError error) {
                             if (error != QAbstractSocket::RemoteHostClosedError &&
                                 !socket->isEncrypted())
                                 handshakeErrors << socket->errorString();
                         });
        QObject::connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }
};

class FakeApiServer {
public:
    using Handler = std::function<void(const FakeExchangePtr&)>;

    FakeApiServer() {
        server_.accepted = [this](QTcpSocket* socket) { accept(socket); };
        QObject::connect(&server_, &QTcpServer::newConnection, &server_, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection())
                accept(socket);
        });
    }

    bool listen() { return server_.listen(QHostAddress::LocalHost, 0); }
    // HTTPS with this certificate (the client CA only matters with requireClientCertificate).
    bool listenTls(const FakeTls& tls) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(tls.certificatePem, QSsl::Pem));
        config.setPrivateKey(QSslKey(tls.keyPem, QSsl::Rsa, QSsl::Pem));
        config.setCaCertificates(QSslCertificate::fromData(tls.clientCaPem, QSsl::Pem));
        config.setPeerVerifyMode(tls.requireClientCertificate ? QSslSocket::VerifyPeer
                                                              : QSslSocket::VerifyNone);
        // As a server that requires client certificates does: a TLS alert when there is none
        // (not only a closed connection).
        config.setMissingCertificateIsFatal(tls.requireClientCertificate);
        // ... and for a certificate it cannot verify (the handshake is interrupted in
        // OpenSSL's verify callback and not continued, so OpenSSL sends the alert).
        config.setHandshakeMustInterruptOnError(tls.requireClientCertificate);
        if (config.localCertificate().isNull() || config.privateKey().isNull())
            return false;
        server_.tls = config;
        return listen();
    }
    QString url() const {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(server_.tls ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(server_.serverPort());
    }
    quint16 port() const { return server_.serverPort(); }
    void setHandler(Handler handler) { handler_ = std::move(handler); }
    // TLS: why handshakes with clients failed, as the server saw it.
    const QStringList& handshakeErrors() const { return server_.handshakeErrors; }

    const QList<FakeRequest>& requests() const { return requests_; }
    // Forgets the requests and exchanges of a previous test.
    void reset() {
        requests_.clear();
        exchanges.clear();
    }
    QList<FakeExchangePtr> exchanges; // every exchange, so streams stay open

private:
    void accept(QTcpSocket* socket) {
        QObject::connect(socket, &QTcpSocket::readyRead, socket,
                         [this, socket] { readRequests(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            readRequests(socket);
    }

    void readRequests(QTcpSocket* socket) {
        QByteArray& buffer = buffers_[socket];
        buffer += socket->readAll();
        while (true) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            buffer.remove(0, end + 4); // GETs have no body
            const QList<QByteArray> lines = head.split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            FakeRequest request;
            request.method = first.value(0);
            const QUrl target(QString::fromLatin1(first.value(1)));
            request.path = target.path();
            request.query = QUrlQuery(target);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    request.headers.insert(line.left(colon).trimmed().toLower(),
                                           line.mid(colon + 1).trimmed());
            }
            if (auto* tls = qobject_cast<QSslSocket*>(socket))
                request.clientCertificateSubject =
                    tls->peerCertificate().subjectInfo(QSslCertificate::CommonName).join(',');
            requests_ << request;
            auto exchange = std::make_shared<FakeExchange>(socket, request);
            exchanges << exchange;
            if (handler_)
                handler_(exchange);
            else
                exchange->respondStatus(404, "NotFound", "no handler");
        }
    }

    FakeTcpServer server_;
    Handler handler_;
    QList<FakeRequest> requests_;
    QMap<QTcpSocket*, QByteArray> buffers_;
};

// A kubeconfig whose one context points at `server`, with a bearer token when one is given.
inline QByteArray fakeKubeconfig(const QString& server, const QByteArray& token = {}) {
    return "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: " +
           server.toUtf8() +
           "\ncontexts:\n- name: fake\n  context: {cluster: fake, user: u}\n"
           "current-context: fake\nusers:\n- name: u\n  user:" +
           (token.isEmpty() ? QByteArray(" {}\n") : "\n    token: " + token + "\n");
}

// A minimal list answer.
inline QJsonObject fakeList(const QString& resourceVersion, const QJsonArray& items,
                            const QString& continueToken = {}) {
    QJsonObject metadata{{"resourceVersion", resourceVersion}};
    if (!continueToken.isEmpty())
        metadata.insert("continue", continueToken);
    return QJsonObject{
        {"kind", "List"}, {"apiVersion", "v1"}, {"metadata", metadata}, {"items", items}};
}

// A minimal Pod with a uid, name and resourceVersion.
inline QJsonObject fakePod(const QString& name, const QString& resourceVersion,
                           const QString& phase = QStringLiteral("Running")) {
    return QJsonObject{{"kind", "Pod"},
                       {"apiVersion", "v1"},
                       {"metadata", QJsonObject{{"name", name},
                                                {"namespace", "ns"},
                                                {"uid", "uid-" + name},
                                                {"resourceVersion", resourceVersion}}},
                       {"status", QJsonObject{{"phase", phase}}}};
}

} // namespace jobscope::test
