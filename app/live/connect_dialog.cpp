// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/connect_dialog.h"

#include "live/label_selector.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

namespace jobscope::ui {

ConnectDialog::ConnectDialog(QWidget* parent)
    : QDialog(parent), kubeconfigLabel_(new QLabel(this)), kubeconfigEdit_(new QLineEdit(this)),
      browseButton_(new QPushButton(this)), contextLabel_(new QLabel(this)),
      contextCombo_(new QComboBox(this)), namespaceLabel_(new QLabel(this)),
      namespaceCombo_(new QComboBox(this)), followLabel_(new QLabel(this)),
      followCombo_(new QComboBox(this)), selectorLabel_(new QLabel(this)),
      selectorEdit_(new QLineEdit(this)), jobsLabel_(new QLabel(this)),
      jobList_(new QListWidget(this)), jobLabel_(new QLabel(this)), jobEdit_(new QLineEdit(this)),
      statusLabel_(new QLabel(this)), warningLabel_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
    connectButton_ = buttons_->addButton(QString(), QDialogButtonBox::AcceptRole);
    auto* form = new QFormLayout;
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(kubeconfigEdit_, 1);
    fileRow->addWidget(browseButton_);
    form->addRow(kubeconfigLabel_, fileRow);
    form->addRow(contextLabel_, contextCombo_);
    namespaceCombo_->setEditable(true);
    namespaceCombo_->setInsertPolicy(QComboBox::NoInsert);
    namespaceCombo_->setObjectName(QStringLiteral("namespace"));
    contextCombo_->setObjectName(QStringLiteral("context"));
    form->addRow(namespaceLabel_, namespaceCombo_);
    followCombo_->setObjectName(QStringLiteral("follow"));
    selectorEdit_->setObjectName(QStringLiteral("selector"));
    form->addRow(followLabel_, followCombo_);
    form->addRow(selectorLabel_, selectorEdit_);
    form->addRow(jobsLabel_, jobList_);
    form->addRow(QString(), statusLabel_);
    form->addRow(jobLabel_, jobEdit_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    warningLabel_->setWordWrap(true);
    warningLabel_->setStyleSheet(QStringLiteral("color:#b35900;"));
    warningLabel_->hide();
    statusLabel_->setWordWrap(true);
    layout->addWidget(warningLabel_);
    layout->addWidget(buttons_);
    jobList_->setMinimumHeight(160);
    resize(520, 440);

    connect(kubeconfigEdit_, &QLineEdit::editingFinished, this, &ConnectDialog::loadKubeconfig);
    connect(browseButton_, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Choose a kubeconfig"), kubeconfigEdit_->text());
        if (!file.isEmpty())
            setKubeconfigPath(file);
    });
    connect(contextCombo_, &QComboBox::currentTextChanged, this, &ConnectDialog::contextChosen);
    connect(namespaceCombo_->lineEdit(), &QLineEdit::editingFinished, this,
            &ConnectDialog::restartJobList);
    connect(namespaceCombo_, &QComboBox::activated, this, &ConnectDialog::restartJobList);
    connect(jobList_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            jobEdit_->setText(item->data(Qt::UserRole).toString());
    });
    connect(jobList_, &QListWidget::itemDoubleClicked, this, [this] {
        if (connectButton_->isEnabled())
            accept();
    });
    connect(jobEdit_, &QLineEdit::textChanged, this, &ConnectDialog::updateConnectButton);
    connect(selectorEdit_, &QLineEdit::textChanged, this, &ConnectDialog::updateConnectButton);
    connect(followCombo_, &QComboBox::currentIndexChanged, this,
            &ConnectDialog::updateConnectButton);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
    updateConnectButton();
}

ConnectDialog::~ConnectDialog() {
    // QDialog's destructor hides the window, and the focus leaving a line edit would reload
    // the kubeconfig into members already gone.
    kubeconfigEdit_->disconnect(this);
    namespaceCombo_->lineEdit()->disconnect(this);
    namespaceCombo_->disconnect(this);
    namespaces_.reset();
    namespaceClient_.reset();
    contextCombo_->disconnect(this);
    jobs_.reset();
    listClient_.reset();
}

void ConnectDialog::setKubeconfigPath(const QString& path) {
    kubeconfigEdit_->setText(path);
    loadKubeconfig();
}

QString ConnectDialog::kubeconfigPath() const {
    return kubeconfigEdit_->text().trimmed();
}
QString ConnectDialog::context() const {
    return contextCombo_->currentText();
}
QString ConnectDialog::namespaceName() const {
    return namespaceCombo_->currentText().trimmed();
}
void ConnectDialog::setNamespaceName(const QString& name) {
    namespaceCombo_->setEditText(name);
    restartJobList();
}
QStringList ConnectDialog::listedNamespaces() const {
    QStringList names;
    for (int i = 0; i < namespaceCombo_->count(); ++i)
        names << namespaceCombo_->itemText(i);
    return names;
}
QString ConnectDialog::jobName() const {
    return jobEdit_->text().trimmed();
}
void ConnectDialog::setJobName(const QString& name) {
    jobEdit_->setText(name);
}
ConnectDialog::Follow ConnectDialog::follow() const {
    return static_cast<Follow>(std::max(0, followCombo_->currentIndex()));
}
void ConnectDialog::setFollow(Follow follow) {
    followCombo_->setCurrentIndex(static_cast<int>(follow));
}
QString ConnectDialog::jobSelector() const {
    return selectorEdit_->text().trimmed();
}
void ConnectDialog::setJobSelector(const QString& selector) {
    selectorEdit_->setText(selector);
}

// Connect needs a loaded kubeconfig and, by what is followed, a Job name or a selector that
// parses (what is wrong with it shows as the selector's tooltip).
void ConnectDialog::updateConnectButton() {
    const Follow chosen = follow();
    jobEdit_->setEnabled(chosen == Follow::OneJob);
    jobLabel_->setEnabled(chosen == Follow::OneJob);
    selectorEdit_->setEnabled(chosen == Follow::Selector);
    selectorLabel_->setEnabled(chosen == Follow::Selector);
    QString invalid;
    if (chosen == Follow::Selector && !jobSelector().isEmpty())
        live::LabelSelector::parse(jobSelector(), &invalid);
    selectorEdit_->setToolTip(invalid);
    bool ready = kubeconfig_.has_value();
    if (chosen == Follow::OneJob)
        ready = ready && !jobName().isEmpty();
    else if (chosen == Follow::Selector)
        ready = ready && !jobSelector().isEmpty() && invalid.isEmpty();
    connectButton_->setEnabled(ready);
}

QStringList ConnectDialog::listedJobs() const {
    QStringList names;
    for (int i = 0; i < jobList_->count(); ++i)
        names << jobList_->item(i)->data(Qt::UserRole).toString();
    return names;
}

QString ConnectDialog::statusText() const {
    return statusLabel_->text();
}

void ConnectDialog::setStatus(const QString& text, bool error) {
    statusLabel_->setText(text);
    statusLabel_->setStyleSheet(error ? QStringLiteral("color:#c0392b;") : QString());
}

void ConnectDialog::loadKubeconfig() {
    live::KubeconfigOptions options;
    options.kubeconfig = kubeconfigPath();
    options.noKubeconfigHint =
        tr("choose a kubeconfig file with Browse…, or start JobScope with KUBECONFIG set to one");
    loadError_.clear();
    kubeconfig_ = live::Kubeconfig::load(options, &loadError_);
    const QSignalBlocker blocker(contextCombo_);
    contextCombo_->clear();
    if (!kubeconfig_) {
        jobs_.reset();
        listClient_.reset();
        jobList_->clear();
        setStatus(loadError_, true);
        updateConnectButton();
        return;
    }
    contextCombo_->addItems(kubeconfig_->contextNames());
    const int current = contextCombo_->findText(kubeconfig_->currentContext());
    contextCombo_->setCurrentIndex(current >= 0 ? current : 0);
    contextChosen();
}

void ConnectDialog::contextChosen() {
    if (!kubeconfig_)
        return;
    namespaceCombo_->setEditText(kubeconfig_->contextNamespace(context()));
    listNamespaces();
    restartJobList();
}

void ConnectDialog::listNamespaces() {
    namespaces_.reset();
    namespaceClient_.reset();
    namespaceListError_.clear();
    const QString typed = namespaceCombo_->currentText();
    {
        const QSignalBlocker blocker(namespaceCombo_);
        namespaceCombo_->clear();
        namespaceCombo_->setEditText(typed);
    }
    namespaceCombo_->setToolTip(QString());
    QString error;
    const std::optional<live::KubeConnection> connection = resolve(&error);
    if (!connection)
        return;
    namespaceClient_ = std::make_unique<live::ApiClient>(*connection);
    namespaces_ = std::make_unique<live::NamespaceList>(namespaceClient_.get());
    connect(namespaces_.get(), &live::NamespaceList::listed, this,
            [this](const QStringList& names) {
                const QString current = namespaceCombo_->currentText();
                const QSignalBlocker blocker(namespaceCombo_);
                namespaceCombo_->addItems(names);
                namespaceCombo_->setEditText(current);
                namespaceCombo_->setToolTip(tr("%n namespace(s) listed; type another name if "
                                               "yours is not among them",
                                               "", static_cast<int>(names.size())));
            });
    connect(namespaces_.get(), &live::NamespaceList::failed, this, [this](const QString& message) {
        namespaceListError_ = message;
        namespaceCombo_->setToolTip(
            tr("The namespaces cannot be listed with these credentials (%1): type the name")
                .arg(message));
    });
    namespaces_->start();
}

std::optional<live::KubeConnection> ConnectDialog::resolve(QString* error) const {
    if (!kubeconfig_) {
        *error = loadError_;
        return std::nullopt;
    }
    return kubeconfig_->connection(context(), namespaceName(), error);
}

void ConnectDialog::restartJobList() {
    jobs_.reset();
    listClient_.reset();
    jobList_->clear();
    listError_.clear();
    QString error;
    const std::optional<live::KubeConnection> connection = resolve(&error);
    warningLabel_->setVisible(connection && !connection->warnings.isEmpty());
    if (!connection) {
        setStatus(error, true);
        updateConnectButton();
        return;
    }
    warningLabel_->setText(connection->warnings.join(QLatin1Char('\n')));
    if (namespaceCombo_->currentText().isEmpty())
        namespaceCombo_->lineEdit()->setPlaceholderText(connection->namespaceName);
    updateConnectButton();
    listClient_ = std::make_unique<live::ApiClient>(*connection);
    jobs_ = std::make_unique<live::JobList>(listClient_.get(), connection->namespaceName);
    connect(jobs_.get(), &live::JobList::changed, this, &ConnectDialog::showJobs);
    connect(jobs_.get(), &live::JobList::failed, this, [this](const QString& message) {
        listError_ = message;
        setStatus(message, true);
    });
    connect(jobs_.get(), &live::JobList::stateChanged, this,
            [this](live::WatchState state, const QString& reason) {
                if (state == live::WatchState::Waiting)
                    setStatus(tr("Reconnecting: %1").arg(reason), true);
                else if (state == live::WatchState::Watching)
                    showJobs();
            });
    setStatus(tr("Listing the Jobs of %1…").arg(connection->namespaceName), false);
    jobs_->start();
}

void ConnectDialog::showJobs() {
    if (!jobs_)
        return;
    const QString selected = jobName();
    const QSignalBlocker blocker(jobList_);
    jobList_->clear();
    for (const live::JobSummary& job : jobs_->jobs()) {
        QString state;
        if (job.finished == QLatin1String("Complete"))
            state = tr("complete");
        else if (job.finished == QLatin1String("Failed"))
            state = tr("failed");
        else if (job.suspended)
            state = tr("suspended");
        else
            state = tr("%1 active").arg(job.active);
        auto* item = new QListWidgetItem(
            tr("%1 — %2, %3 succeeded").arg(job.name, state).arg(job.succeeded), jobList_);
        item->setData(Qt::UserRole, job.name);
        if (job.name == selected)
            jobList_->setCurrentItem(item);
    }
    if (listError_.isEmpty())
        setStatus(tr("Jobs in %1: %2, updated live")
                      .arg(namespaceName().isEmpty()
                               ? namespaceCombo_->lineEdit()->placeholderText()
                               : namespaceName())
                      .arg(jobs_->jobs().size()),
                  false);
}

std::unique_ptr<live::LiveSession> ConnectDialog::takeSession() {
    QString error;
    const std::optional<live::KubeConnection> connection = resolve(&error);
    if (!connection || !connectButton_->isEnabled()) {
        setStatus(error, true);
        return nullptr;
    }
    const Follow chosen = follow();
    auto session = std::make_unique<live::LiveSession>(
        *connection, chosen == Follow::OneJob ? jobName() : QString());
    if (chosen == Follow::Selector)
        session->setJobSelector(jobSelector());
    session->start();
    saveChoice();
    return session;
}

namespace {
const QString kSettingsGroup = QStringLiteral("connect");
} // namespace

void ConnectDialog::saveChoice() const {
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(QStringLiteral("kubeconfig"), kubeconfigPath());
    settings.setValue(QStringLiteral("context"), context());
    settings.setValue(QStringLiteral("namespace"), namespaceName());
    settings.setValue(QStringLiteral("job"), jobName());
    settings.setValue(QStringLiteral("follow"), static_cast<int>(follow()));
    settings.setValue(QStringLiteral("selector"), jobSelector());
}

void ConnectDialog::restoreLastChoice() {
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    const int followed = settings.value(QStringLiteral("follow")).toInt();
    if (followed >= 0 && followed < followCombo_->count())
        followCombo_->setCurrentIndex(followed);
    setJobSelector(settings.value(QStringLiteral("selector")).toString());
    setKubeconfigPath(settings.value(QStringLiteral("kubeconfig")).toString());
    const int context =
        contextCombo_->findText(settings.value(QStringLiteral("context")).toString());
    if (context < 0)
        return; // another kubeconfig, or the context is gone: its namespace and Job mean nothing
    if (context != contextCombo_->currentIndex())
        contextCombo_->setCurrentIndex(context); // lists that context's namespaces and Jobs
    const QString namespaceName = settings.value(QStringLiteral("namespace")).toString();
    if (namespaceName != this->namespaceName())
        setNamespaceName(namespaceName);
    setJobName(settings.value(QStringLiteral("job")).toString());
}

void ConnectDialog::retranslate() {
    setWindowTitle(tr("Connect to a cluster"));
    kubeconfigLabel_->setText(tr("Kubeconfig:"));
    kubeconfigEdit_->setPlaceholderText(tr("default (KUBECONFIG or ~/.kube/config)"));
    browseButton_->setText(tr("Browse…"));
    contextLabel_->setText(tr("Context:"));
    namespaceLabel_->setText(tr("Namespace:"));
    followLabel_->setText(tr("Follow:"));
    const int followed = std::max(0, followCombo_->currentIndex());
    {
        const QSignalBlocker blocker(followCombo_);
        followCombo_->clear();
        followCombo_->addItems({tr("The Job named below"), tr("Every Job of the namespace"),
                                tr("The Jobs a label selector matches")});
        followCombo_->setCurrentIndex(followed);
    }
    followCombo_->setToolTip(tr("Every Job, or those a selector matches, includes the Jobs created "
                                "while watching (a CronJob's), and shows them together and each "
                                "on its own"));
    selectorLabel_->setText(tr("Label selector:"));
    selectorEdit_->setPlaceholderText(tr("as kubectl -l, such as app=batch,tier in (a,b)"));
    jobsLabel_->setText(tr("Jobs:"));
    jobLabel_->setText(tr("Job:"));
    connectButton_->setText(tr("Connect"));
    showJobs();
}

void ConnectDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace jobscope::ui
