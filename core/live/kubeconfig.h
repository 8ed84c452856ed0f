// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// kubeconfig as kubectl reads it: the files named by --kubeconfig, else by KUBECONFIG
// (several, ':'-separated, merged: the first file that names a cluster, context or user wins,
// and current-context comes from the first file that sets it), else ~/.kube/config. A context
// resolves to everything the API client needs to connect (KubeConnection). Paths inside a file
// are relative to that file's folder. Errors carry file:line:column.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace jobscope::live {

// A client.authentication.k8s.io ExecCredential plugin (the `exec` entry of a user).
struct ExecConfig {
    QString apiVersion;
    QString command; // resolved against the kubeconfig's folder when it contains a '/'
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString installHint;
    QString interactiveMode; // Never, IfAvailable, Always ("" = IfAvailable)
    bool provideClusterInfo = false;
};

// Everything needed to talk to one cluster as one user. Credentials live only here and in
// the API client; nothing prints them (see redactSecrets in api_client.h).
struct KubeConnection {
    QString contextName;
    QString clusterName;
    QString userName;
    QString namespaceName; // --namespace, else the context's, else "default"
    QString server;        // https://host:port or http://127.0.0.1:8001 (kubectl proxy)
    QString tlsServerName;
    QString proxyUrl;
    bool insecureSkipTlsVerify = false;
    QByteArray certificateAuthorityPem; // from certificate-authority(-data)
    QByteArray clientCertificatePem;    // from client-certificate(-data)
    QByteArray clientKeyPem;            // from client-key(-data)
    QString token;
    QString tokenFile; // read at each request, as it may be rotated
    std::optional<ExecConfig> exec;
    QStringList warnings; // shown to the user (insecure-skip-tls-verify, ...)
};

struct KubeconfigOptions {
    QString kubeconfig;    // --kubeconfig (one file; overrides KUBECONFIG)
    QString context;       // --context
    QString namespaceName; // --namespace / -n
    // What the user can do when there is no kubeconfig at all, added to that error: the command
    // line names its option, the app its file picker.
    QString noKubeconfigHint;
};

class Kubeconfig {
public:
    Kubeconfig();
    ~Kubeconfig();
    Kubeconfig(Kubeconfig&&) noexcept;
    Kubeconfig& operator=(Kubeconfig&&) noexcept;

    // Loads the files `options.kubeconfig` names, or KUBECONFIG's (missing ones are skipped,
    // as kubectl does), or ~/.kube/config. `kubeconfigEnv` and `homeDir` stand for the
    // environment (tests pass their own); empty = read the real ones.
    static std::optional<Kubeconfig> load(const KubeconfigOptions& options, QString* error,
                                          const std::optional<QString>& kubeconfigEnv = {},
                                          const QString& homeDir = {});
    // Loads exactly these files, merged in this order.
    static std::optional<Kubeconfig> loadFiles(const QStringList& files, QString* error);

    QStringList files() const;
    QStringList contextNames() const;
    QString currentContext() const;
    // The namespace a context sets ("" when none).
    QString contextNamespace(const QString& context) const;

    // Resolves `context` (empty: current-context) with an optional namespace override.
    std::optional<KubeConnection> connection(const QString& context, const QString& namespaceName,
                                             QString* error) const;

private:
    struct Data;
    std::unique_ptr<Data> data_;
};

// load() + connection() with the options' context and namespace.
std::optional<KubeConnection> resolveConnection(const KubeconfigOptions& options, QString* error);

} // namespace jobscope::live
