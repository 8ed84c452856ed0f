// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/kubeconfig.h"

#include "live/api_client.h"

#include "diagnostics.h"
#include "yaml_reader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <map>
#include <set>

namespace jobscope::live {

namespace {

// One named cluster, context or user and the file it came from (for paths and positions).
struct NamedEntry {
    YAML::Node body; // the "cluster" / "context" / "user" map
    YAML::Node nameNode;
    QString file;
};

// yaml-cpp throws on the type of a missing key's (invalid) node: ask IsDefined first.
bool isScalar(const YAML::Node& node) {
    return node.IsDefined() && node.IsScalar();
}
bool isMap(const YAML::Node& node) {
    return node.IsDefined() && node.IsMap();
}
bool isSequence(const YAML::Node& node) {
    return node.IsDefined() && node.IsSequence();
}
bool isNull(const YAML::Node& node) {
    return !node.IsDefined() || node.IsNull();
}

QString positioned(const QString& file, const YAML::Node& at, const QString& message) {
    Diagnostic diagnostic{Severity::Error, file.toStdString(), positionOf(at),
                          message.toStdString(), Message()};
    return QString::fromStdString(diagnostic.format());
}

QString positionedWarning(const QString& file, const YAML::Node& at, const QString& message) {
    Diagnostic diagnostic{Severity::Warning, file.toStdString(), positionOf(at),
                          message.toStdString(), Message()};
    return QString::fromStdString(diagnostic.format());
}

// kubectl reads a kubeconfig leniently (sigs.k8s.io/yaml's YAMLToJSON, not the strict
// variant): of keys repeated in one map the last one wins. yaml-cpp finds the first, so the
// earlier ones are removed here, each with a warning at its position.
void keepLastOfDuplicateKeys(YAML::Node node, const QString& file, QStringList& warnings) {
    if (node.IsMap()) {
        std::vector<std::pair<YAML::Node, YAML::Node>> entries;
        for (auto it = node.begin(); it != node.end(); ++it)
            entries.emplace_back(it->first, it->second);
        std::map<std::string, size_t> last;
        for (size_t i = 0; i < entries.size(); ++i)
            if (entries[i].first.IsScalar())
                last[entries[i].first.Scalar()] = i;
        for (size_t i = 0; i < entries.size(); ++i) {
            const YAML::Node& key = entries[i].first;
            if (!key.IsScalar() || last[key.Scalar()] == i) {
                keepLastOfDuplicateKeys(entries[i].second, file, warnings);
                continue;
            }
            const YAML::Node& winner = entries[last[key.Scalar()]].first;
            warnings << positionedWarning(
                file, key,
                QCoreApplication::translate("Kubeconfig",
                                            "duplicate key '%1': the one at line %2 is used, as "
                                            "kubectl does")
                    .arg(QString::fromStdString(key.Scalar()))
                    .arg(positionOf(winner).line));
            node.remove(key);
        }
    } else if (node.IsSequence()) {
        for (YAML::Node item : node)
            keepLastOfDuplicateKeys(item, file, warnings);
    }
}

// Why `server` cannot be an API server's URL, completing "server 'URL' …" (empty when it can).
QString serverUrlProblem(const QString& server) {
    const QUrl url(server, QUrl::StrictMode);
    if (!url.isValid())
        // Qt appends "; source was …", which would repeat the URL with its credentials.
        return QCoreApplication::translate("Kubeconfig", "is not a valid URL: %1")
            .arg(url.errorString().section(QLatin1String("; source was"), 0, 0));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QCoreApplication::translate("Kubeconfig",
                                           "has the scheme '%1': an API server is reached over "
                                           "https:// (or http:// through kubectl proxy)")
            .arg(scheme);
    if (url.host().isEmpty())
        return QCoreApplication::translate("Kubeconfig", "names no host");
    if (url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate("Kubeconfig",
                                           "has a query or fragment: an API server's URL has "
                                           "only a scheme, a host, a port and a path");
    return {};
}

QString firstError(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics.items())
        if (d.severity == Severity::Error)
            return QString::fromStdString(d.format());
    return {};
}

QString resolvePath(const QString& file, const QString& path) {
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QFileInfo(file).absoluteDir().absoluteFilePath(path));
}

} // namespace

struct Kubeconfig::Data {
    QStringList files;
    std::map<QString, NamedEntry> clusters;
    std::map<QString, NamedEntry> contexts;
    std::map<QString, NamedEntry> users;
    QStringList contextOrder; // as first seen, for the GUI's combo
    QString currentContext;
    QStringList warnings; // positioned, e.g. duplicate keys

    // Reads one file's named list ("clusters", "contexts", "users") into `into`.
    bool readList(const YAML::Node& root, const char* listKey, const char* bodyKey,
                  const QString& file, std::map<QString, NamedEntry>& into, QString* error) {
        const YAML::Node list = root[listKey];
        if (!list.IsDefined() || isNull(list))
            return true;
        if (!isSequence(list)) {
            *error = positioned(file, list,
                                QCoreApplication::translate("Kubeconfig", "'%1' must be a list")
                                    .arg(QLatin1String(listKey)));
            return false;
        }
        std::set<QString> namesInFile;
        for (const YAML::Node& item : list) {
            if (!isMap(item)) {
                *error = positioned(
                    file, item,
                    QCoreApplication::translate("Kubeconfig", "each entry of '%1' must be a map")
                        .arg(QLatin1String(listKey)));
                return false;
            }
            const YAML::Node nameNode = item["name"];
            if (!isScalar(nameNode) || nameNode.Scalar().empty()) {
                *error = positioned(
                    file, item,
                    QCoreApplication::translate("Kubeconfig", "an entry of '%1' has no name")
                        .arg(QLatin1String(listKey)));
                return false;
            }
            const QString name = QString::fromStdString(nameNode.Scalar());
            if (!namesInFile.insert(name).second) {
                // clientcmd's conversion of the list to a map refuses this too.
                *error = positioned(file, nameNode,
                                    QCoreApplication::translate(
                                        "Kubeconfig", "duplicate name '%1' in '%2': each entry "
                                                      "needs its own name, as kubectl requires")
                                        .arg(name, QLatin1String(listKey)));
                return false;
            }
            const YAML::Node body = item[bodyKey];
            if (body.IsDefined() && !isNull(body) && !isMap(body)) {
                *error = positioned(
                    file, body,
                    QCoreApplication::translate("Kubeconfig", "'%1' of '%2' must be a map")
                        .arg(QLatin1String(bodyKey), name));
                return false;
            }
            // kubectl's merge: the first file that names an entry wins.
            if (into.count(name) == 0) {
                into.emplace(name, NamedEntry{body, nameNode, file});
                if (&into == &contexts)
                    contextOrder << name;
            }
        }
        return true;
    }

    bool readFile(const QString& file, QString* error) {
        std::string text;
        Diagnostics diagnostics;
        if (!readTextFile(file.toStdString(), text, diagnostics)) {
            *error = firstError(diagnostics);
            return false;
        }
        std::vector<YAML::Node> documents;
        if (!loadYamlDocuments(text, file.toStdString(), documents, diagnostics)) {
            *error = firstError(diagnostics);
            return false;
        }
        files << file;
        if (documents.empty() || isNull(documents.front()))
            return true; // an empty kubeconfig is allowed, as in kubectl
        const YAML::Node& root = documents.front();
        keepLastOfDuplicateKeys(root, file, warnings);
        if (!isMap(root)) {
            *error = positioned(file, root,
                                QCoreApplication::translate(
                                    "Kubeconfig", "a kubeconfig must be a map (kind: Config)"));
            return false;
        }
        if (!readList(root, "clusters", "cluster", file, clusters, error) ||
            !readList(root, "contexts", "context", file, contexts, error) ||
            !readList(root, "users", "user", file, users, error))
            return false;
        const YAML::Node current = root["current-context"];
        if (currentContext.isEmpty() && isScalar(current))
            currentContext = QString::fromStdString(current.Scalar());
        return true;
    }
};

Kubeconfig::Kubeconfig() : data_(std::make_unique<Data>()) {}
Kubeconfig::~Kubeconfig() = default;
Kubeconfig::Kubeconfig(Kubeconfig&&) noexcept = default;
Kubeconfig& Kubeconfig::operator=(Kubeconfig&&) noexcept = default;

std::optional<Kubeconfig> Kubeconfig::loadFiles(const QStringList& files, QString* error) {
    Kubeconfig config;
    for (const QString& file : files)
        if (!config.data_->readFile(file, error))
            return std::nullopt;
    return config;
}

std::optional<Kubeconfig> Kubeconfig::load(const KubeconfigOptions& options, QString* error,
                                           const std::optional<QString>& kubeconfigEnv,
                                           const QString& homeDir) {
    if (!options.kubeconfig.isEmpty())
        return loadFiles({options.kubeconfig}, error);
    const QString env =
        kubeconfigEnv ? *kubeconfigEnv : QString::fromLocal8Bit(qgetenv("KUBECONFIG"));
    if (!env.isEmpty()) {
        QStringList existing;
        for (const QString& path : env.split(QDir::listSeparator(), Qt::SkipEmptyParts))
            if (QFileInfo::exists(path) && !existing.contains(path))
                existing << path;
        if (existing.isEmpty()) {
            *error = QCoreApplication::translate("Kubeconfig",
                                                 "none of the files in KUBECONFIG exists: %1")
                         .arg(env);
            return std::nullopt;
        }
        return loadFiles(existing, error);
    }
    const QString home = homeDir.isEmpty() ? QDir::homePath() : homeDir;
    const QString defaultFile = QDir(home).filePath(QStringLiteral(".kube/config"));
    if (!QFileInfo::exists(defaultFile)) {
        *error = QCoreApplication::translate(
                     "Kubeconfig", "no kubeconfig: %1 does not exist and KUBECONFIG is not set")
                     .arg(defaultFile);
        if (!options.noKubeconfigHint.isEmpty())
            *error += QStringLiteral(" (%1)").arg(options.noKubeconfigHint);
        return std::nullopt;
    }
    return loadFiles({defaultFile}, error);
}

QStringList Kubeconfig::files() const {
    return data_->files;
}

QStringList Kubeconfig::contextNames() const {
    return data_->contextOrder;
}

QString Kubeconfig::currentContext() const {
    return data_->currentContext;
}

QString Kubeconfig::contextNamespace(const QString& context) const {
    auto it = data_->contexts.find(context);
    if (it == data_->contexts.end() || !isMap(it->second.body))
        return {};
    const YAML::Node ns = it->second.body["namespace"];
    return isScalar(ns) ? QString::fromStdString(ns.Scalar()) : QString();
}

namespace {

// Reads the typed fields of one entry, reporting the first problem with its position.
class EntryReader {
public:
    EntryReader(const NamedEntry& entry, QString section)
        : entry_(entry), section_(std::move(section)),
          reader_(entry.file.toStdString(), diagnostics_) {}

    QString string(const char* key) {
        if (!isMap(entry_.body))
            return {};
        const auto value = reader_.string(entry_.body[key], path(key));
        return value ? QString::fromStdString(*value) : QString();
    }
    bool boolean(const char* key) {
        if (!isMap(entry_.body))
            return false;
        return reader_.boolean(entry_.body[key], path(key)).value_or(false);
    }
    YAML::Node node(const char* key) const {
        return isMap(entry_.body) ? entry_.body[key] : YAML::Node();
    }
    // A file path (resolved against the kubeconfig's folder) read whole, or inline base64 data.
    bool bytes(const char* fileKey, const char* dataKey, QByteArray& out, QString* error) {
        const QString data = string(dataKey);
        if (!data.isEmpty()) {
            auto decoded = QByteArray::fromBase64Encoding(data.toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) {
                *error = at(node(dataKey),
                            QCoreApplication::translate("Kubeconfig", "%1: not valid base64 data")
                                .arg(QString::fromStdString(path(dataKey))));
                return false;
            }
            out = *decoded;
            return true;
        }
        const QString file = string(fileKey);
        if (file.isEmpty())
            return true;
        QFile in(resolvePath(entry_.file, file));
        if (!in.open(QIODevice::ReadOnly)) {
            *error = at(
                node(fileKey),
                QCoreApplication::translate("Kubeconfig", "%1: cannot read %2: %3")
                    .arg(QString::fromStdString(path(fileKey)), in.fileName(), in.errorString()));
            return false;
        }
        out = in.readAll();
        return true;
    }
    QString at(const YAML::Node& node, const QString& message) const {
        return positioned(entry_.file, node.IsDefined() ? node : entry_.nameNode, message);
    }
    bool failed(QString* error) const {
        if (!diagnostics_.hasErrors())
            return false;
        *error = firstError(diagnostics_);
        return true;
    }
    std::string path(const char* key) const { return section_.toStdString() + '.' + key; }
    const NamedEntry& entry() const { return entry_; }

private:
    const NamedEntry& entry_;
    QString section_;
    Diagnostics diagnostics_;
    YamlReader reader_;
};

bool validCertificates(const QByteArray& pem) {
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    return !certificates.isEmpty() && !certificates.first().isNull();
}

bool validKey(const QByteArray& pem) {
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec})
        if (!QSslKey(pem, algorithm, QSsl::Pem).isNull())
            return true;
    return false;
}

bool readExec(EntryReader& user, const QString& userName, ExecConfig& exec, QString* error) {
    const YAML::Node node = user.node("exec");
    if (!isMap(node)) {
        *error = user.at(
            node, QCoreApplication::translate("Kubeconfig", "users[%1].user.exec must be a map")
                      .arg(userName));
        return false;
    }
    NamedEntry execEntry{node, user.entry().nameNode, user.entry().file};
    EntryReader reader(execEntry, QStringLiteral("users[%1].user.exec").arg(userName));
    exec.apiVersion = reader.string("apiVersion");
    exec.command = reader.string("command");
    exec.installHint = reader.string("installHint");
    exec.interactiveMode = reader.string("interactiveMode");
    exec.provideClusterInfo = reader.boolean("provideClusterInfo");
    const YAML::Node args = node["args"];
    if (isSequence(args))
        for (const YAML::Node& arg : args)
            exec.args << QString::fromStdString(isScalar(arg) ? arg.Scalar() : std::string());
    const YAML::Node env = node["env"];
    if (isSequence(env))
        for (const YAML::Node& variable : env) {
            if (!isMap(variable) || !isScalar(variable["name"])) {
                *error = reader.at(variable,
                                   QCoreApplication::translate(
                                       "Kubeconfig", "users[%1].user.exec.env: each entry needs a "
                                                     "name and a value")
                                       .arg(userName));
                return false;
            }
            const YAML::Node value = variable["value"];
            exec.env.append({QString::fromStdString(variable["name"].Scalar()),
                             QString::fromStdString(isScalar(value) ? value.Scalar() : "")});
        }
    if (reader.failed(error))
        return false;
    if (exec.command.isEmpty()) {
        *error = reader.at(node, QCoreApplication::translate(
                                     "Kubeconfig", "users[%1].user.exec.command is missing")
                                     .arg(userName));
        return false;
    }
    static const QStringList kApiVersions = {
        QStringLiteral("client.authentication.k8s.io/v1"),
        QStringLiteral("client.authentication.k8s.io/v1beta1")};
    if (!kApiVersions.contains(exec.apiVersion)) {
        *error = reader.at(node["apiVersion"].IsDefined() ? node["apiVersion"] : node,
                           QCoreApplication::translate(
                               "Kubeconfig", "users[%1].user.exec.apiVersion '%2' is not "
                                             "supported (use client.authentication.k8s.io/v1)")
                               .arg(userName, exec.apiVersion));
        return false;
    }
    // client-go resolves a relative command with a folder in it against the kubeconfig's folder;
    // a bare name is looked up on PATH.
    if (exec.command.contains(QLatin1Char('/')))
        exec.command = resolvePath(user.entry().file, exec.command);
    return true;
}

} // namespace

std::optional<KubeConnection> Kubeconfig::connection(const QString& contextName,
                                                     const QString& namespaceName,
                                                     QString* error) const {
    KubeConnection connection;
    connection.warnings = data_->warnings;
    connection.contextName = contextName.isEmpty() ? data_->currentContext : contextName;
    if (connection.contextName.isEmpty()) {
        *error = QCoreApplication::translate("Kubeconfig",
                                             "%1: no current-context is set (use --context NAME)")
                     .arg(data_->files.join(QDir::listSeparator()));
        return std::nullopt;
    }
    auto context = data_->contexts.find(connection.contextName);
    if (context == data_->contexts.end()) {
        QString message =
            QCoreApplication::translate("Kubeconfig", "context '%1' is not in the kubeconfig (%2)")
                .arg(connection.contextName, data_->files.join(QDir::listSeparator()));
        if (!data_->contextOrder.isEmpty())
            message += QCoreApplication::translate("Kubeconfig", "; its contexts are: %1")
                           .arg(data_->contextOrder.join(QStringLiteral(", ")));
        *error = message;
        return std::nullopt;
    }
    EntryReader contextReader(context->second,
                              QStringLiteral("contexts[%1].context").arg(connection.contextName));
    connection.clusterName = contextReader.string("cluster");
    connection.userName = contextReader.string("user");
    const QString contextNamespace = contextReader.string("namespace");
    if (contextReader.failed(error))
        return std::nullopt;
    connection.namespaceName = !namespaceName.isEmpty()      ? namespaceName
                               : !contextNamespace.isEmpty() ? contextNamespace
                                                             : QStringLiteral("default");

    auto cluster = data_->clusters.find(connection.clusterName);
    if (cluster == data_->clusters.end()) {
        *error = contextReader.at(
            contextReader.node("cluster"),
            QCoreApplication::translate("Kubeconfig", "context '%1' names cluster '%2', which "
                                                      "is not in the kubeconfig")
                .arg(connection.contextName, connection.clusterName));
        return std::nullopt;
    }
    EntryReader clusterReader(cluster->second,
                              QStringLiteral("clusters[%1].cluster").arg(connection.clusterName));
    connection.server = clusterReader.string("server");
    connection.tlsServerName = clusterReader.string("tls-server-name");
    connection.proxyUrl = clusterReader.string("proxy-url");
    connection.insecureSkipTlsVerify = clusterReader.boolean("insecure-skip-tls-verify");
    if (!clusterReader.bytes("certificate-authority", "certificate-authority-data",
                             connection.certificateAuthorityPem, error) ||
        clusterReader.failed(error))
        return std::nullopt;
    if (connection.server.isEmpty()) {
        *error =
            clusterReader.at(cluster->second.body,
                             QCoreApplication::translate("Kubeconfig", "cluster '%1' has no server")
                                 .arg(connection.clusterName));
        return std::nullopt;
    }
    // As client-go's DefaultServerURL: a server without a scheme is https.
    if (!connection.server.contains(QLatin1String("://")))
        connection.server.prepend(QLatin1String("https://"));
    if (const QString problem = serverUrlProblem(connection.server); !problem.isEmpty()) {
        *error = clusterReader.at(
            clusterReader.node("server"),
            QCoreApplication::translate("Kubeconfig", "cluster '%1': server '%2' %3")
                .arg(connection.clusterName, displayUrl(connection.server), problem));
        return std::nullopt;
    }
    if (!connection.certificateAuthorityPem.isEmpty() &&
        !validCertificates(connection.certificateAuthorityPem)) {
        const char* key = clusterReader.node("certificate-authority-data").IsDefined()
                              ? "certificate-authority-data"
                              : "certificate-authority";
        *error = clusterReader.at(
            clusterReader.node(key),
            QCoreApplication::translate("Kubeconfig", "cluster '%1': the certificate authority "
                                                      "is not a PEM certificate")
                .arg(connection.clusterName));
        return std::nullopt;
    }
    if (connection.insecureSkipTlsVerify)
        connection.warnings << QCoreApplication::translate(
                                   "Kubeconfig",
                                   "cluster '%1' sets insecure-skip-tls-verify: the server's "
                                   "certificate is not checked, so anyone on the network path "
                                   "could pose as the cluster")
                                   .arg(connection.clusterName);

    // A context without a user is allowed (kubectl proxy needs no credentials).
    if (connection.userName.isEmpty())
        return connection;
    auto user = data_->users.find(connection.userName);
    if (user == data_->users.end()) {
        *error = contextReader.at(
            contextReader.node("user"),
            QCoreApplication::translate(
                "Kubeconfig", "context '%1' names user '%2', which is not in the kubeconfig")
                .arg(connection.contextName, connection.userName));
        return std::nullopt;
    }
    EntryReader userReader(user->second, QStringLiteral("users[%1].user").arg(connection.userName));
    if (userReader.node("auth-provider").IsDefined()) {
        const YAML::Node provider = userReader.node("auth-provider");
        const QString providerName = isMap(provider) && isScalar(provider["name"])
                                         ? QString::fromStdString(provider["name"].Scalar())
                                         : QString();
        *error = userReader.at(
            provider, QCoreApplication::translate(
                          "Kubeconfig",
                          "user '%1' uses the auth-provider '%2', which kubectl and JobScope no "
                          "longer support: switch to an exec credential plugin (such as "
                          "gke-gcloud-auth-plugin or kubelogin), or run 'kubectl proxy' and "
                          "connect to http://127.0.0.1:8001")
                          .arg(connection.userName, providerName));
        return std::nullopt;
    }
    connection.token = userReader.string("token");
    const QString tokenFile = userReader.string("tokenFile");
    connection.tokenFile = resolvePath(user->second.file, tokenFile);
    if (!userReader.bytes("client-certificate", "client-certificate-data",
                          connection.clientCertificatePem, error) ||
        !userReader.bytes("client-key", "client-key-data", connection.clientKeyPem, error) ||
        userReader.failed(error))
        return std::nullopt;
    if (!connection.clientCertificatePem.isEmpty() &&
        !validCertificates(connection.clientCertificatePem)) {
        *error = userReader.at(
            userReader.node("client-certificate-data").IsDefined()
                ? userReader.node("client-certificate-data")
                : userReader.node("client-certificate"),
            QCoreApplication::translate(
                "Kubeconfig", "user '%1': the client certificate is not a PEM certificate")
                .arg(connection.userName));
        return std::nullopt;
    }
    if (!connection.clientKeyPem.isEmpty() && !validKey(connection.clientKeyPem)) {
        *error = userReader.at(
            userReader.node("client-key-data").IsDefined() ? userReader.node("client-key-data")
                                                           : userReader.node("client-key"),
            QCoreApplication::translate("Kubeconfig",
                                        "user '%1': the client key is not a PEM RSA or EC key")
                .arg(connection.userName));
        return std::nullopt;
    }
    if (connection.clientCertificatePem.isEmpty() != connection.clientKeyPem.isEmpty()) {
        *error = userReader.at(user->second.body,
                               QCoreApplication::translate(
                                   "Kubeconfig",
                                   "user '%1' has a client certificate without a key, or a key "
                                   "without a certificate")
                                   .arg(connection.userName));
        return std::nullopt;
    }
    if (userReader.node("exec").IsDefined()) {
        ExecConfig exec;
        if (!readExec(userReader, connection.userName, exec, error))
            return std::nullopt;
        connection.exec = exec;
    }
    return connection;
}

std::optional<KubeConnection> resolveConnection(const KubeconfigOptions& options, QString* error) {
    std::optional<Kubeconfig> config = Kubeconfig::load(options, error);
    if (!config)
        return std::nullopt;
    return config->connection(options.context, options.namespaceName, error);
}

} // namespace jobscope::live
