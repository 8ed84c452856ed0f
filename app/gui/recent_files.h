// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File › Open Recent: the files opened last, newest first, as a list model (the menu is built
// from it) kept in the settings under "recentFiles".

#include <QAbstractListModel>
#include <QStringList>

namespace jobscope::ui {

class RecentFilesModel : public QAbstractListModel {
    Q_OBJECT

public:
    static constexpr int kMaxFiles = 10;
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit RecentFilesModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    // Display: the file name; tooltip and PathRole: the full path.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    QStringList paths() const { return paths_; }
    // Moves `path` to the top (adding it if new) and drops the oldest beyond kMaxFiles.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

    // The settings are read and written by the owner so tests can use their own.
    void load(const QStringList& paths);

private:
    QStringList paths_;
};

} // namespace jobscope::ui
