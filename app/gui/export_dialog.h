// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The size of an exported image (File › Export › … PNG): width and height in pixels at
// scale 1 and a scale factor for high-DPI output (the file has width × scale pixels).

#include <QDialog>
#include <QSize>

#include <functional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace jobscope::ui {

class ExportSizeDialog : public QDialog {
    Q_OBJECT

public:
    explicit ExportSizeDialog(const QSize& size, double scale, QWidget* parent = nullptr);

    QSize imageSize() const; // at scale 1
    double scale() const;
    QSize pixelSize() const; // what the file will hold, before any adjustment

    // An export that changes the size it is given (the Gantt grows taller to give every Pod
    // its row): the result line shows what the file will hold, and says why.
    void setSizeAdjustment(std::function<QSize(const QSize&)> adjust, const QString& why);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateResult();

    QSpinBox* width_ = nullptr;
    QSpinBox* height_ = nullptr;
    QComboBox* scale_ = nullptr;
    QLabel* widthLabel_ = nullptr;
    QLabel* heightLabel_ = nullptr;
    QLabel* scaleLabel_ = nullptr;
    QLabel* result_ = nullptr;
    std::function<QSize(const QSize&)> adjust_;
    QString adjustWhy_;
};

} // namespace jobscope::ui
