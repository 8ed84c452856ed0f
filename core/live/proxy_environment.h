// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which proxy a request goes through when the kubeconfig names none, from the environment, as
// kubectl decides it (client-go uses Go's http.ProxyFromEnvironment):
//
// - HTTPS_PROXY for https URLs, HTTP_PROXY for http URLs; each name in upper case wins over its
//   lower-case form when both are set. A value without a scheme ("proxy:3128") is http://.
//   HTTP_PROXY is ignored when REQUEST_METHOD is set (a CGI environment).
// - NO_PROXY (or no_proxy): a comma-separated list; entries are trimmed and compared in lower
//   case. "*" bypasses the proxy for every host. An IP address ("10.0.0.1", "::1") or CIDR block
//   ("10.0.0.0/8", "fd00::/8") matches a server given by IP; a name matches itself and its
//   subdomains ("example.com"), only its subdomains with a leading "." or "*." (".example.com");
//   any entry but a CIDR block may end in ":PORT" ("[::1]:6443" for IPv6) to match that port
//   only (the URL's, or 443 / 80 by scheme). Names never match an IP address and the other way
//   round.
// - localhost and loopback addresses are never proxied.
//
// A kubeconfig `proxy-url` takes precedence over all of this (ApiClient applies it first).

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace jobscope::live {

// The proxy URL ("http://proxy:3128", "socks5://proxy:1080") for a request to `url`, or an
// empty string for a direct connection.
QString proxyFromEnvironment(const QUrl& url, const QProcessEnvironment& environment =
                                                  QProcessEnvironment::systemEnvironment());

} // namespace jobscope::live
