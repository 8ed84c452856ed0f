#pragma once
// File › Open Example: the scenarios compiled into the app (":/examples/<group>/*.yaml"),
// grouped as the menu shows them, each with its title and description in both languages.

#include <QString>
#include <QVector>

namespace jobscope::ui {

struct ExampleEntry {
    QString path; // ":/examples/causes/quota-exceeded.yaml"
    QString title;
    QString titleZh;
    QString description;
    QString descriptionZh;

    // In the UI language as it is now.
    QString localizedTitle() const;
    QString localizedDescription() const;
};

struct ExampleGroup {
    QString folder;                // "patterns", "tradeoffs", "causes", "real"
    QVector<ExampleEntry> entries; // in title order
    QString localizedName() const; // "Patterns", "Trade-offs", ...
};

// Read once from the resources, in menu order.
const QVector<ExampleGroup>& exampleGroups();

} // namespace jobscope::ui
