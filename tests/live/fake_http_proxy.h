// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A fake HTTP proxy for the live tests (127.0.0.1 only): it records the first line of each
// request a client sends it — "GET http://host:port/path HTTP/1.1" (absolute form, for plain
// HTTP) or "CONNECT host:port HTTP/1.1" (a tunnel, for HTTPS) — and passes the bytes on to the
// one upstream server it fronts, in both directions.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace jobscope::test {

class FakeHttpProxy {
public:
    explicit FakeHttpProxy(quint16 upstreamPort) : upstreamPort_(upstreamPort) {
        QObject::connect(&server_, &QTcpServer::newConnection, &server_, [this] {
            while (QTcpSocket* client = server_.nextPendingConnection())
                accept(client);
        });
    }

    bool listen() { return server_.listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server_.serverPort()); }
    // The first line of every request (or tunnel) a client opened, in order.
    const QList<QByteArray>& requestLines() const { return requestLines_; }

private:
    void accept(QTcpSocket* client) {
        // The head of the first request decides between a tunnel and forwarding; everything
        // after it is passed through unread.
        auto head = std::make_shared<QByteArray>();
        auto forwarding = std::make_shared<bool>(false);
        auto laterHeads = std::make_shared<QByteArray>();
        auto* upstream = new QTcpSocket(client);
        QObject::connect(client, &QTcpSocket::readyRead, client,
                         [this, client, upstream, head, forwarding, laterHeads] {
                             if (*forwarding) {
                                 if (!head->startsWith("CONNECT "))
                                     recordHeads(*laterHeads,
                                                 client->peek(client->bytesAvailable()));
                                 pass(client, upstream);
                                 return;
                             }
                             if (upstream->state() != QAbstractSocket::UnconnectedState)
                                 return; // connecting: passed on once connected
                             *head += client->readAll();
                             const qsizetype end = head->indexOf("\r\n\r\n");
                             if (end < 0)
                                 return;
                             requestLines_ << head->left(head->indexOf("\r\n"));
                             upstream->connectToHost(QHostAddress::LocalHost, upstreamPort_);
                         });
        QObject::connect(upstream, &QTcpSocket::connected, client,
                         [client, upstream, head, forwarding] {
                             if (head->startsWith("CONNECT ")) {
                                 client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                                 upstream->write(head->mid(head->indexOf("\r\n\r\n") + 4));
                             } else {
                                 upstream->write(*head); // the request, as the client sent it
                             }
                             *forwarding = true;
                             pass(client, upstream);
                         });
        QObject::connect(upstream, &QTcpSocket::readyRead, client,
                         [client, upstream] { pass(upstream, client); });
        QObject::connect(upstream, &QTcpSocket::disconnected, client,
                         [client] { client->disconnectFromHost(); });
        QObject::connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
            upstream->abort();
            client->deleteLater();
        });
    }

    // Later requests on a forwarded connection (GETs: heads only, no bodies).
    void recordHeads(QByteArray& buffer, const QByteArray& bytes) {
        buffer += bytes;
        for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0;
             end = buffer.indexOf("\r\n\r\n")) {
            requestLines_ << buffer.left(buffer.indexOf("\r\n"));
            buffer.remove(0, end + 4);
        }
    }

    static void pass(QTcpSocket* from, QTcpSocket* to) {
        if (to->state() == QAbstractSocket::ConnectedState)
            to->write(from->readAll());
    }

    QTcpServer server_;
    quint16 upstreamPort_;
    QList<QByteArray> requestLines_;
};

} // namespace jobscope::test
