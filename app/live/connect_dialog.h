// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Live › Connect: pick a kubeconfig, a context, a namespace (typed, or from the namespaces the
// user may list) and what to follow: a Job (from the namespace's Jobs, kept up to date by a watch),
// every Job of the namespace, or the Jobs a label selector matches; then Connect. takeSession()
// hands the caller a started LiveSession for that choice and remembers it for
// restoreLastChoice(). Loading and listing never block: the lists fill in as the server
// answers.

#include "live/job_list.h"
#include "live/kubeconfig.h"
#include "live/live_session.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace jobscope::ui {

class ConnectDialog : public QDialog {
    Q_OBJECT

public:
    // What a session follows: one Job, every Job of the namespace (including Jobs created while
    // watching), or the Jobs whose labels a selector matches.
    enum class Follow { OneJob, EveryJob, Selector };

    explicit ConnectDialog(QWidget* parent = nullptr);
    ~ConnectDialog() override;

    // "" = kubectl's default (KUBECONFIG, else ~/.kube/config). Loads it at once.
    void setKubeconfigPath(const QString& path);
    // The kubeconfig, context, namespace and Job of the last session started (QSettings), each
    // where it still applies; kubectl's default kubeconfig the first time.
    void restoreLastChoice();
    QString kubeconfigPath() const;
    QString context() const;
    QString namespaceName() const;
    void setNamespaceName(const QString& name);
    QString jobName() const;
    void setJobName(const QString& name);
    Follow follow() const;
    void setFollow(Follow follow);
    QString jobSelector() const;
    void setJobSelector(const QString& selector);
    // The namespaces offered (empty when they cannot be listed), and why not.
    QStringList listedNamespaces() const;
    QString namespaceListError() const { return namespaceListError_; }

    // The Jobs listed right now (as shown).
    QStringList listedJobs() const;
    // What the dialog shows under the list: a count, "listing…" or the error.
    QString statusText() const;

    // After Connect: a started session for the chosen Job (the caller owns it); null when the
    // kubeconfig cannot be resolved (the dialog shows why).
    std::unique_ptr<live::LiveSession> takeSession();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void loadKubeconfig();
    void contextChosen();
    void listNamespaces();
    void saveChoice() const;
    void restartJobList();
    void showJobs();
    void setStatus(const QString& text, bool error);
    void updateConnectButton();
    std::optional<live::KubeConnection> resolve(QString* error) const;

    QLabel* kubeconfigLabel_;
    QLineEdit* kubeconfigEdit_;
    QPushButton* browseButton_;
    QLabel* contextLabel_;
    QComboBox* contextCombo_;
    QLabel* namespaceLabel_;
    QComboBox* namespaceCombo_;
    QLabel* followLabel_;
    QComboBox* followCombo_;
    QLabel* selectorLabel_;
    QLineEdit* selectorEdit_;
    QLabel* jobsLabel_;
    QListWidget* jobList_;
    QLabel* jobLabel_;
    QLineEdit* jobEdit_;
    QLabel* statusLabel_;
    QLabel* warningLabel_;
    QDialogButtonBox* buttons_;
    QPushButton* connectButton_;

    std::optional<live::Kubeconfig> kubeconfig_;
    QString loadError_;
    std::unique_ptr<live::ApiClient> listClient_;
    std::unique_ptr<live::JobList> jobs_;
    QString listError_;
    std::unique_ptr<live::ApiClient> namespaceClient_;
    std::unique_ptr<live::NamespaceList> namespaces_;
    QString namespaceListError_;
};

} // namespace jobscope::ui
