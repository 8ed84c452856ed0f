// SPDX-License-Identifier: GPL-3.0-or-later
// The proxy from the environment, as kubectl picks it (Go's http.ProxyFromEnvironment): which
// variable serves which scheme, upper case over lower case, every form of NO_PROXY entry, and
// the servers that are never proxied.

#include "live/proxy_environment.h"

#include <QTest>

using jobscope::live::proxyFromEnvironment;

namespace {

class ProxyEnvironmentTest : public QObject {
    Q_OBJECT

private slots:
    void proxyForServer_data() {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QStringList>("environment"); // NAME=VALUE
        QTest::addColumn<QString>("expected");        // empty: a direct connection

        const QString https = QStringLiteral("HTTPS_PROXY=http://proxy:3128");
        const QString http = QStringLiteral("HTTP_PROXY=http://plain:8080");
        auto row = [&](const char* name, const char* server, QStringList environment,
                       const char* expected) {
            QTest::newRow(name) << QString::fromLatin1(server) << environment
                                << QString::fromLatin1(expected);
        };

        // Which variable.
        row("no variables", "https://api.example.com:6443", {}, "");
        row("https server: HTTPS_PROXY", "https://api.example.com:6443", {https, http},
            "http://proxy:3128");
        row("http server: HTTP_PROXY", "http://api.example.com:8001", {https, http},
            "http://plain:8080");
        row("https server, only HTTP_PROXY", "https://api.example.com", {http}, "");
        row("lower case", "https://api.example.com", {"https_proxy=http://low:1"}, "http://low:1");
        row("upper case wins", "https://api.example.com",
            {"https_proxy=http://low:1", "HTTPS_PROXY=http://up:2"}, "http://up:2");
        row("empty upper case falls back", "https://api.example.com",
            {"HTTPS_PROXY=", "https_proxy=http://low:1"}, "http://low:1");
        row("no scheme is http", "https://api.example.com", {"HTTPS_PROXY=proxy:3128"},
            "http://proxy:3128");
        row("socks5", "https://api.example.com", {"HTTPS_PROXY=socks5://s:1080"},
            "socks5://s:1080");
        row("CGI ignores HTTP_PROXY", "http://api.example.com", {http, "REQUEST_METHOD=GET"}, "");
        row("CGI keeps HTTPS_PROXY", "https://api.example.com", {https, "REQUEST_METHOD=GET"},
            "http://proxy:3128");

        // Never proxied.
        row("localhost", "https://localhost:6443", {https}, "");
        row("127.0.0.1", "https://127.0.0.1:6443", {https}, "");
        row("127.0.0.2 (loopback)", "https://127.0.0.2:6443", {https}, "");
        row("::1", "https://[::1]:6443", {https}, "");

        // NO_PROXY: a name matches itself and its subdomains.
        row("name: itself", "https://example.com", {https, "NO_PROXY=example.com"}, "");
        row("name: subdomain", "https://api.example.com", {https, "NO_PROXY=example.com"}, "");
        row("name: not a suffix of a label", "https://api.badexample.com",
            {https, "NO_PROXY=example.com"}, "http://proxy:3128");
        row("name: other", "https://api.example.org", {https, "NO_PROXY=example.com"},
            "http://proxy:3128");
        row("leading dot: subdomain", "https://api.example.com", {https, "NO_PROXY=.example.com"},
            "");
        row("leading dot: not itself", "https://example.com", {https, "NO_PROXY=.example.com"},
            "http://proxy:3128");
        row("star dot: subdomain", "https://api.example.com", {https, "NO_PROXY=*.example.com"},
            "");
        row("star dot: not itself", "https://example.com", {https, "NO_PROXY=*.example.com"},
            "http://proxy:3128");
        row("name with port: that port", "https://api.example.com:6443",
            {https, "NO_PROXY=example.com:6443"}, "");
        row("name with port: another port", "https://api.example.com:8443",
            {https, "NO_PROXY=example.com:6443"}, "http://proxy:3128");
        row("name with port: the scheme's port", "https://api.example.com",
            {https, "NO_PROXY=example.com:443"}, "");
        row("name: case and spaces", "https://API.Example.COM",
            {https, "NO_PROXY= other.org , EXAMPLE.com "}, "");
        row("empty entries", "https://api.example.com", {https, "NO_PROXY=,,example.com,"}, "");
        row("lower-case no_proxy", "https://api.example.com", {https, "no_proxy=example.com"}, "");
        row("upper-case NO_PROXY wins", "https://api.example.com",
            {https, "NO_PROXY=other.org", "no_proxy=example.com"}, "http://proxy:3128");
        row("star", "https://api.example.com", {https, "NO_PROXY=*"}, "");
        row("star among others", "https://10.1.2.3", {https, "NO_PROXY=a.org,*"}, "");

        // NO_PROXY: IP addresses and CIDR blocks.
        row("IPv4", "https://10.1.2.3:6443", {https, "NO_PROXY=10.1.2.3"}, "");
        row("IPv4: another", "https://10.1.2.4:6443", {https, "NO_PROXY=10.1.2.3"},
            "http://proxy:3128");
        row("IPv4 with port: that port", "https://10.1.2.3:6443", {https, "NO_PROXY=10.1.2.3:6443"},
            "");
        row("IPv4 with port: another port", "https://10.1.2.3:443",
            {https, "NO_PROXY=10.1.2.3:6443"}, "http://proxy:3128");
        row("IPv4 CIDR: inside", "https://10.96.0.1", {https, "NO_PROXY=10.0.0.0/8"}, "");
        row("IPv4 CIDR: outside", "https://11.0.0.1", {https, "NO_PROXY=10.0.0.0/8"},
            "http://proxy:3128");
        row("IPv4 CIDR /32", "https://192.168.1.10", {https, "NO_PROXY=192.168.1.10/32"}, "");
        row("IPv6", "https://[fd00::1]:6443", {https, "NO_PROXY=fd00::1"}, "");
        row("IPv6 with port", "https://[fd00::1]:6443", {https, "NO_PROXY=[fd00::1]:6443"}, "");
        row("IPv6 with another port", "https://[fd00::1]:443", {https, "NO_PROXY=[fd00::1]:6443"},
            "http://proxy:3128");
        row("IPv6 CIDR", "https://[fd00::abcd]", {https, "NO_PROXY=fd00::/8"}, "");
        row("a CIDR block does not match a name", "https://api.example.com",
            {https, "NO_PROXY=0.0.0.0/0"}, "http://proxy:3128");
        row("a name does not match an IP", "https://10.1.2.3", {https, "NO_PROXY=3"},
            "http://proxy:3128");
        row("an IP does not match a name", "https://10.1.2.3.nip.io", {https, "NO_PROXY=10.1.2.3"},
            "http://proxy:3128");
        row("no host before the port", "https://api.example.com", {https, "NO_PROXY=:443"},
            "http://proxy:3128");
    }

    void proxyForServer() {
        QFETCH(QString, server);
        QFETCH(QStringList, environment);
        QFETCH(QString, expected);
        QProcessEnvironment variables;
        for (const QString& assignment : environment)
            variables.insert(assignment.section(QLatin1Char('='), 0, 0),
                             assignment.section(QLatin1Char('='), 1));
        QCOMPARE(proxyFromEnvironment(QUrl(server), variables), expected);
    }
};

} // namespace

QTEST_GUILESS_MAIN(ProxyEnvironmentTest)
#include "tst_proxy_environment.moc"
