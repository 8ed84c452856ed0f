// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/proxy_environment.h"

#include <QHostAddress>
#include <QStringList>

#include <optional>
#include <utility>

namespace jobscope::live {

namespace {

// The first of `names` that is set and not empty.
QString firstSet(const QProcessEnvironment& environment, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        const QString value = environment.value(QString::fromLatin1(name));
        if (!value.isEmpty())
            return value;
    }
    return {};
}

// "proxy:3128" is http://proxy:3128, as Go reads a proxy without a scheme.
QString normalizedProxy(const QString& value) {
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    if (url.isValid() && !url.scheme().isEmpty() && !url.host().isEmpty())
        return trimmed;
    const QUrl withScheme(QStringLiteral("http://") + trimmed, QUrl::StrictMode);
    if (withScheme.isValid() && !withScheme.host().isEmpty())
        return withScheme.toString();
    return {};
}

// Go's net.SplitHostPort: "host:port", "[v6]:port"; nullopt without a port or with more colons.
std::optional<std::pair<QString, QString>> splitHostPort(const QString& text) {
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0 || close + 1 >= text.size() || text.at(close + 1) != QLatin1Char(':'))
            return std::nullopt;
        return std::pair(text.mid(1, close - 1), text.mid(close + 2));
    }
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0 || text.indexOf(QLatin1Char(':'), colon + 1) >= 0)
        return std::nullopt;
    return std::pair(text.left(colon), text.mid(colon + 1));
}

bool isIpAddress(const QString& text, QHostAddress* address) {
    // QHostAddress also reads "10" or "10.1" as IPv4 addresses; Go's ParseIP does not.
    if (text.isEmpty() || (!text.contains(QLatin1Char(':')) && text.count(QLatin1Char('.')) != 3))
        return false;
    return address->setAddress(text);
}

// Whether one NO_PROXY entry (trimmed, lower case, not "*") exempts host:port.
bool exempts(const QString& entry, const QString& host, const QString& port) {
    QHostAddress hostAddress;
    const bool hostIsIp = isIpAddress(host, &hostAddress);
    if (entry.contains(QLatin1Char('/'))) {
        const QString network = entry.section(QLatin1Char('/'), 0, 0);
        QHostAddress networkAddress;
        if (!isIpAddress(network, &networkAddress))
            return false;
        bool prefixOk = false;
        const int prefix = entry.section(QLatin1Char('/'), 1).toInt(&prefixOk);
        const int bits = networkAddress.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        if (!prefixOk || prefix < 0 || prefix > bits)
            return false;
        return hostIsIp && hostAddress.isInSubnet(networkAddress, prefix);
    }
    QString entryHost = entry;
    QString entryPort;
    if (const auto split = splitHostPort(entry)) {
        if (split->first.isEmpty())
            return false;
        entryHost = split->first;
        entryPort = split->second;
    }
    const bool portMatches = entryPort.isEmpty() || entryPort == port;
    QHostAddress entryAddress;
    if (isIpAddress(entryHost, &entryAddress))
        return hostIsIp && entryAddress.isEqual(hostAddress) && portMatches;
    if (entryHost.isEmpty() || hostIsIp)
        return false;
    if (entryHost.startsWith(QLatin1String("*.")))
        entryHost.remove(0, 1);
    const bool matchesItself = !entryHost.startsWith(QLatin1Char('.'));
    if (matchesItself)
        entryHost.prepend(QLatin1Char('.'));
    const bool matches = host.endsWith(entryHost) || (matchesItself && host == entryHost.mid(1));
    return matches && portMatches;
}

} // namespace

QString proxyFromEnvironment(const QUrl& url, const QProcessEnvironment& environment) {
    const QString scheme = url.scheme().toLower();
    QString proxy;
    if (scheme == QLatin1String("https"))
        proxy = normalizedProxy(firstSet(environment, {"HTTPS_PROXY", "https_proxy"}));
    else if (scheme == QLatin1String("http") &&
             environment.value(QStringLiteral("REQUEST_METHOD")).isEmpty())
        proxy = normalizedProxy(firstSet(environment, {"HTTP_PROXY", "http_proxy"}));
    if (proxy.isEmpty())
        return {};

    const QString host = url.host(QUrl::EncodeUnicode).toLower();
    const QString port = QString::number(url.port(scheme == QLatin1String("https") ? 443 : 80));
    QHostAddress address;
    if (host == QLatin1String("localhost") || (isIpAddress(host, &address) && address.isLoopback()))
        return {};
    const QStringList entries =
        firstSet(environment, {"NO_PROXY", "no_proxy"}).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& raw : entries) {
        const QString entry = raw.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        if (entry == QLatin1String("*"))
            return {};
        if (exempts(entry, host, port))
            return {};
    }
    return proxy;
}

} // namespace jobscope::live
