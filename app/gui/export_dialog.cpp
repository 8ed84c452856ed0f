// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace jobscope::ui {

namespace {
constexpr int kMinSide = 200;
constexpr int kMaxSide = 10000;
const double kScales[] = {1.0, 1.5, 2.0, 3.0, 4.0};
} // namespace

ExportSizeDialog::ExportSizeDialog(const QSize& size, double scale, QWidget* parent)
    : QDialog(parent) {
    width_ = new QSpinBox(this);
    height_ = new QSpinBox(this);
    for (QSpinBox* box : {width_, height_}) {
        box->setRange(kMinSide, kMaxSide);
        box->setSingleStep(100);
    }
    width_->setValue(size.width());
    height_->setValue(size.height());
    scale_ = new QComboBox(this);
    int best = 0;
    for (int i = 0; i < int(std::size(kScales)); ++i) {
        scale_->addItem(QStringLiteral("%1×").arg(kScales[i]), kScales[i]);
        if (std::abs(kScales[i] - scale) < std::abs(kScales[best] - scale))
            best = i;
    }
    scale_->setCurrentIndex(best);
    widthLabel_ = new QLabel(this);
    heightLabel_ = new QLabel(this);
    scaleLabel_ = new QLabel(this);
    result_ = new QLabel(this);
    widthLabel_->setBuddy(width_);
    heightLabel_->setBuddy(height_);
    scaleLabel_->setBuddy(scale_);

    auto* form = new QFormLayout;
    form->addRow(widthLabel_, width_);
    form->addRow(heightLabel_, height_);
    form->addRow(scaleLabel_, scale_);
    form->addRow(QString(), result_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(width_, &QSpinBox::valueChanged, this, &ExportSizeDialog::updateResult);
    connect(height_, &QSpinBox::valueChanged, this, &ExportSizeDialog::updateResult);
    connect(scale_, &QComboBox::currentIndexChanged, this, &ExportSizeDialog::updateResult);
    retranslate();
}

QSize ExportSizeDialog::imageSize() const {
    return {width_->value(), height_->value()};
}

double ExportSizeDialog::scale() const {
    return scale_->currentData().toDouble();
}

QSize ExportSizeDialog::pixelSize() const {
    return {int(std::lround(width_->value() * scale())),
            int(std::lround(height_->value() * scale()))};
}

void ExportSizeDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ExportSizeDialog::retranslate() {
    setWindowTitle(tr("Image Size"));
    widthLabel_->setText(tr("&Width (px):"));
    heightLabel_->setText(tr("&Height (px):"));
    scaleLabel_->setText(tr("&Scale:"));
    width_->setAccessibleName(tr("Image width in pixels"));
    height_->setAccessibleName(tr("Image height in pixels"));
    scale_->setAccessibleName(tr("Scale factor"));
    scale_->setToolTip(tr("Fonts and lines are laid out for the width and height; the scale "
                          "multiplies the pixels, for sharp images on high-DPI screens and in "
                          "print."));
    updateResult();
}

void ExportSizeDialog::setSizeAdjustment(std::function<QSize(const QSize&)> adjust,
                                         const QString& why) {
    adjust_ = std::move(adjust);
    adjustWhy_ = why;
    updateResult();
}

void ExportSizeDialog::updateResult() {
    const QSize asked = pixelSize();
    const QSize pixels = adjust_ ? adjust_(asked) : asked;
    QString text = tr("The image will be %1 × %2 pixels.").arg(pixels.width()).arg(pixels.height());
    if (pixels != asked && !adjustWhy_.isEmpty())
        text += QLatin1Char(' ') + adjustWhy_;
    result_->setText(text);
}

} // namespace jobscope::ui
