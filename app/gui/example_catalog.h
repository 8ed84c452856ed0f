// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File › Open Example: the scenarios compiled into the app (":/examples/<group>/*.yaml") and
// the Jobs recorded on a real cluster (":/recordings/*.jsonl", JobScope traces), grouped as the
// menu shows them, each with its title and description in both languages.

#include <QString>
#include <QVector>

namespace jobscope::ui {

struct ExampleEntry {
    QString path; // ":/examples/causes/quota-exceeded.yaml", ":/recordings/quota-of-2-pods.jsonl"
    QString title;
    QString titleZh;
    QString description;
    QString descriptionZh;
    // A recording opens as what was observed (replay), not as a simulation.
    bool recording = false;
    // A recording's calibrated simulation (":/examples/real/*.yaml"), "" when it has none.
    QString simulation;

    // In the UI language as it is now.
    QString localizedTitle() const;
    QString localizedDescription() const;
};

struct ExampleGroup {
    QString folder; // "patterns", "tradeoffs", "causes", "real"
    // In title order; "real" lists its recordings first, then their calibrated simulations.
    QVector<ExampleEntry> entries;
    QString localizedName() const; // "Patterns", "Trade-offs", ...
};

// Read once from the resources, in menu order.
const QVector<ExampleGroup>& exampleGroups();

// The entry whose path is `path`, or null.
const ExampleEntry* findExample(const QString& path);

// The heading of the calibrated simulations inside the "real" group.
QString calibratedSimulationsHeading();

} // namespace jobscope::ui
