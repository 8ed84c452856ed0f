// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/recent_files.h"

#include <QDir>
#include <QFileInfo>

namespace jobscope::ui {

RecentFilesModel::RecentFilesModel(QObject* parent) : QAbstractListModel(parent) {}

int RecentFilesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(paths_.size());
}

QVariant RecentFilesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString& path = paths_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QFileInfo(path).fileName();
    case Qt::ToolTipRole:
        return QDir::toNativeSeparators(path);
    case PathRole:
        return path;
    default:
        return {};
    }
}

void RecentFilesModel::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    remove(absolute);
    beginInsertRows({}, 0, 0);
    paths_.prepend(absolute);
    endInsertRows();
    if (paths_.size() > kMaxFiles) {
        beginRemoveRows({}, kMaxFiles, static_cast<int>(paths_.size()) - 1);
        paths_.resize(kMaxFiles);
        endRemoveRows();
    }
}

void RecentFilesModel::remove(const QString& path) {
    const int row = static_cast<int>(paths_.indexOf(path));
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    paths_.removeAt(row);
    endRemoveRows();
}

void RecentFilesModel::clear() {
    if (paths_.isEmpty())
        return;
    beginResetModel();
    paths_.clear();
    endResetModel();
}

void RecentFilesModel::load(const QStringList& paths) {
    beginResetModel();
    paths_.clear();
    for (const QString& path : paths)
        if (!path.isEmpty() && !paths_.contains(path) && paths_.size() < kMaxFiles)
            paths_ << path;
    endResetModel();
}

} // namespace jobscope::ui
