// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lesson_reader.h"

#include "analysis/cause_catalogue.h"
#include "lesson/caption.h"
#include "reconcile/explanation.h"
#include "scenario/scenario_reader.h"
#include "yaml_reader.h"

#include <algorithm>
#include <sstream>
#include <vector>

namespace jobscope {

namespace {

// The cause ids an anchor may name (reconcile/explanation.h, without "none").
const std::vector<std::string>& anchorCauses() {
    static const std::vector<std::string> ids = {cause::RemainingCompletions,
                                                 cause::WorkQueueDraining,
                                                 cause::ControllerLag,
                                                 cause::QuotaExceeded,
                                                 cause::CreationForbidden,
                                                 cause::FailureBackoff,
                                                 cause::Terminating,
                                                 cause::Pending,
                                                 cause::Suspended,
                                                 cause::Finished,
                                                 cause::ScaledDown};
    return ids;
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

std::size_t indentation(const std::string& line) {
    const std::size_t first = line.find_first_not_of(' ');
    return first == std::string::npos ? line.size() : first;
}

bool blankOrComment(const std::string& line) {
    const std::size_t first = line.find_first_not_of(" \t\r");
    return first == std::string::npos || line[first] == '#';
}

class LessonReader {
public:
    LessonReader(const std::string& text, YamlReader& reader, const LessonFileReader& readFile,
                 Lesson& lesson)
        : lines_(splitLines(text)), reader_(reader), readFile_(readFile), lesson_(lesson) {}

    void read(const YAML::Node& root) {
        if (!root.IsMap()) {
            reader_.error(root, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                 "a lesson is a mapping with title and scenes"));
            return;
        }
        reader_.rejectUnknownKeys(root, "",
                                  {"title", "titleZh", "description", "descriptionZh", "scenes"});
        text(root, "title", "", lesson_.title, true);
        text(root, "titleZh", "", lesson_.titleZh);
        text(root, "description", "", lesson_.description);
        text(root, "descriptionZh", "", lesson_.descriptionZh);
        const YAML::Node scenes = yamlField(root, "scenes");
        if (!yamlPresent(scenes)) {
            reader_.error(root, requiredValue("scenes", JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                         "a list of scenes")));
            return;
        }
        if (!reader_.isSequence(scenes, "scenes"))
            return;
        if (scenes.size() == 0)
            reader_.error(scenes, requiredValue("scenes", JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                           "at least one scene")));
        for (std::size_t i = 0; i < scenes.size(); ++i)
            readScene(scenes[i], childPath("scenes", i));
    }

private:
    void text(const YAML::Node& map, const char* key, const std::string& parent, std::string& out,
              bool required = false) {
        const YAML::Node node = yamlField(map, key);
        const std::string path = parent.empty() ? key : childPath(parent, key);
        if (auto value = reader_.string(node, path)) {
            out = *value;
            if (required && out.empty())
                reader_.error(node, requiredValue(path, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                         "must not be empty")));
        } else if (required && !yamlPresent(node)) {
            reader_.error(map, requiredValue(path, Message()));
        }
    }

    void readScene(const YAML::Node& node, const std::string& path) {
        if (!reader_.isMap(node, path)) {
            if (!yamlPresent(node))
                reader_.error(node, requiredValue(path, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                         "a scene mapping")));
            return;
        }
        reader_.rejectUnknownKeys(node, path,
                                  {"title", "titleZh", "description", "descriptionZh", "scenario",
                                   "compare", "gantt", "steps", "points", "pointsZh", "notes",
                                   "notesZh"});
        LessonScene scene;
        scene.position = positionOf(node);
        text(node, "title", path, scene.title, true);
        text(node, "titleZh", path, scene.titleZh);
        text(node, "description", path, scene.description);
        text(node, "descriptionZh", path, scene.descriptionZh);

        if (yamlPresent(yamlField(node, "points"))) {
            readTextScene(node, path, scene);
            return;
        }
        // A scene that runs has its notes on its steps.
        for (const char* key : {"notes", "notesZh"}) {
            const YAML::Node field = yamlField(node, key);
            if (yamlPresent(field))
                reader_.error(field, Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                              "%1: notes belong to the steps of a "
                                                              "scene that runs"),
                                             {childPath(path, key)}));
        }
        const YAML::Node scenario = yamlField(node, "scenario");
        if (!yamlPresent(scenario))
            reader_.error(
                node, requiredValue(childPath(path, "scenario"),
                                    JOBSCOPE_TR_NOOP("jobscope::engine",
                                                     "a scenario file or the scenario inline")));
        else if (auto s = readScenario(scenario, childPath(path, "scenario")))
            scene.scenario = std::move(*s);
        const YAML::Node compare = yamlField(node, "compare");
        if (yamlPresent(compare))
            scene.compare = readScenario(compare, childPath(path, "compare"));
        const bool hasCompare = yamlPresent(compare);
        const YAML::Node gantt = yamlField(node, "gantt");
        if (yamlPresent(gantt)) {
            if (const std::optional<bool> on = reader_.boolean(gantt, childPath(path, "gantt")))
                scene.gantt = *on;
            if (scene.gantt && hasCompare)
                reader_.error(gantt,
                              Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                       "%1: two runs side by side leave no room "
                                                       "for the Pods under them; remove gantt or "
                                                       "compare"),
                                      {childPath(path, "gantt")}));
        }

        const YAML::Node steps = yamlField(node, "steps");
        const std::string stepsPath = childPath(path, "steps");
        if (!yamlPresent(steps)) {
            reader_.error(node, requiredValue(stepsPath, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                          "a list of steps")));
        } else if (reader_.isSequence(steps, stepsPath)) {
            if (steps.size() == 0)
                reader_.error(steps,
                              requiredValue(stepsPath, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                        "at least one step")));
            for (std::size_t i = 0; i < steps.size(); ++i)
                if (auto step = readStep(steps[i], childPath(stepsPath, i), hasCompare))
                    scene.steps.push_back(std::move(*step));
        }
        lesson_.scenes.push_back(std::move(scene));
    }

    // A scene of points: no scenario, no compare, no steps (it is one step).
    void readTextScene(const YAML::Node& node, const std::string& path, LessonScene& scene) {
        for (const char* key : {"scenario", "compare", "gantt", "steps"}) {
            const YAML::Node field = yamlField(node, key);
            if (yamlPresent(field))
                reader_.error(field, Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                              "%1: a scene of points has no %2"),
                                             {childPath(path, key), std::string(key)}));
        }
        readPoints(yamlField(node, "points"), childPath(path, "points"), scene.points);
        const YAML::Node zh = yamlField(node, "pointsZh");
        if (yamlPresent(zh)) {
            readPoints(zh, childPath(path, "pointsZh"), scene.pointsZh);
            if (!scene.pointsZh.empty() && scene.pointsZh.size() != scene.points.size())
                reader_.error(
                    zh, Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                 "%1: %2 points, but points has %3"),
                                {childPath(path, "pointsZh"), std::to_string(scene.pointsZh.size()),
                                 std::to_string(scene.points.size())}));
        }
        if (scene.points.empty())
            return;
        LessonStep step;
        step.position = scene.position;
        step.atPosition = scene.position;
        text(node, "notes", path, step.notes);
        text(node, "notesZh", path, step.notesZh);
        scene.steps.push_back(std::move(step));
        lesson_.scenes.push_back(std::move(scene));
    }

    void readPoints(const YAML::Node& node, const std::string& path,
                    std::vector<std::string>& points) {
        if (!reader_.isSequence(node, path))
            return;
        if (node.size() == 0)
            reader_.error(node, requiredValue(path, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                     "at least one point")));
        for (std::size_t i = 0; i < node.size(); ++i)
            if (auto point = reader_.string(node[i], childPath(path, i)))
                points.push_back(*point);
    }

    std::optional<LessonScenario> readScenario(const YAML::Node& node, const std::string& path) {
        LessonScenario out;
        out.position = positionOf(node);
        Diagnostics diagnostics;
        std::optional<Scenario> scenario;
        if (node.IsScalar()) {
            const std::string file = resolveLessonPath(reader_.fileName(), node.Scalar());
            std::string content;
            std::string why;
            if (!readFile_(file, content, why)) {
                reader_.error(
                    node, Message(JOBSCOPE_TR_NOOP("jobscope::engine", "%1: cannot read %2: %3"),
                                  {path, file, why}));
                return std::nullopt;
            }
            out.source = file;
            scenario = readScenarioText(content, file, diagnostics);
            out.text = std::move(content);
            out.textFile = file;
        } else if (node.IsMap()) {
            scenario = readScenarioText(inlineText(node), reader_.fileName(), diagnostics);
            out.text = YAML::Dump(node) + "\n";
            out.textFile = reader_.fileName();
        } else {
            reader_.error(
                node,
                Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "%1: must be a scenario file name or a scenario mapping"),
                        {path}));
            return std::nullopt;
        }
        reader_.diagnostics().append(diagnostics);
        if (!out.source.empty() && diagnostics.hasErrors())
            reader_.diagnostics().note(
                reader_.fileName(), out.position,
                Message(
                    JOBSCOPE_TR_NOOP("jobscope::engine", "%1: the scenario with the errors above"),
                    {path}));
        if (!scenario || diagnostics.hasErrors())
            return std::nullopt;
        out.scenario = std::move(*scenario);
        return out;
    }

    // The text of an inline scenario at the same lines and columns as in the lesson file
    // (earlier lines blank, the first line's lead replaced by spaces), so that the scenario
    // reader's messages point into the lesson file.
    std::string inlineText(const YAML::Node& node) const {
        const SourcePosition at = positionOf(node);
        if (!at.known() || at.line > static_cast<int>(lines_.size()))
            return YAML::Dump(node);
        const std::size_t first = static_cast<std::size_t>(at.line - 1);
        const std::size_t column = static_cast<std::size_t>(std::max(at.column - 1, 0));
        std::string out(first, '\n');
        const std::string& head = lines_[first];
        out += std::string(std::min(column, head.size()), ' ') +
               (column < head.size() ? head.substr(column) : std::string()) + '\n';
        for (std::size_t i = first + 1; i < lines_.size(); ++i) {
            if (!blankOrComment(lines_[i]) && indentation(lines_[i]) < column)
                break;
            out += lines_[i] + '\n';
        }
        return out;
    }

    std::optional<LessonStep> readStep(const YAML::Node& node, const std::string& path,
                                       bool hasCompare) {
        if (!reader_.isMap(node, path)) {
            if (!yamlPresent(node))
                reader_.error(node, requiredValue(path, JOBSCOPE_TR_NOOP("jobscope::engine",
                                                                         "a step mapping")));
            return std::nullopt;
        }
        reader_.rejectUnknownKeys(node, path,
                                  {"at", "caption", "captionZh", "expect", "notes", "notesZh"});
        LessonStep step;
        step.position = positionOf(node);
        const int errorsBefore = reader_.diagnostics().errorCount();
        const YAML::Node at = yamlField(node, "at");
        step.atPosition = positionOf(at);
        if (!yamlPresent(at))
            reader_.error(node,
                          requiredValue(childPath(path, "at"),
                                        JOBSCOPE_TR_NOOP("jobscope::engine",
                                                         "seconds, end, or {cause-start: CAUSE}")));
        else
            readAnchor(at, childPath(path, "at"), step.at);
        text(node, "caption", path, step.caption, true);
        text(node, "captionZh", path, step.captionZh);
        text(node, "notes", path, step.notes);
        text(node, "notesZh", path, step.notesZh);
        step.captionPosition = positionOf(yamlField(node, "caption"));
        step.captionZhPosition = positionOf(yamlField(node, "captionZh"));
        checkCaption(yamlField(node, "caption"), childPath(path, "caption"), step.caption,
                     hasCompare);
        checkCaption(yamlField(node, "captionZh"), childPath(path, "captionZh"), step.captionZh,
                     hasCompare);
        const YAML::Node expect = yamlField(node, "expect");
        if (yamlPresent(expect))
            readClaims(expect, childPath(path, "expect"), hasCompare, step.expect);
        if (reader_.diagnostics().errorCount() != errorsBefore)
            return std::nullopt;
        return step;
    }

    void readClaims(const YAML::Node& node, const std::string& path, bool hasCompare,
                    StepClaims& claims) {
        claims.position = positionOf(node);
        if (!reader_.isMap(node, path))
            return;
        reader_.rejectUnknownKeys(node, path,
                                  {"causes", "absent", "compareCauses", "nextCreation"});
        readCauseList(yamlField(node, "causes"), childPath(path, "causes"), claims.causes);
        readCauseList(yamlField(node, "absent"), childPath(path, "absent"), claims.absent);
        const YAML::Node compare = yamlField(node, "compareCauses");
        if (yamlPresent(compare) && !hasCompare)
            reader_.error(compare,
                          Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                   "%1: needs a compare: scenario in the scene"),
                                  {childPath(path, "compareCauses")}));
        readCauseList(compare, childPath(path, "compareCauses"), claims.compareCauses);
        const YAML::Node next = yamlField(node, "nextCreation");
        if (!yamlPresent(next))
            return;
        const std::string nextPath = childPath(path, "nextCreation");
        const auto value = reader_.string(next, nextPath);
        if (!value)
            return;
        if (*value != "none" && !parseDurationSeconds(*value) && !isCaptionPlaceholder(*value))
            reader_.error(next, invalidValue(nextPath, "\"" + *value + "\"",
                                             JOBSCOPE_TR_NOOP("jobscope::engine",
                                                              "must be seconds, a placeholder "
                                                              "name such as delay, or none")));
        else
            claims.nextCreation = *value;
    }

    void readCauseList(const YAML::Node& node, const std::string& path,
                       std::vector<std::string>& ids) {
        if (!yamlPresent(node) || !reader_.isSequence(node, path))
            return;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const std::string itemPath = childPath(path, i);
            const auto id = reader_.string(node[i], itemPath);
            if (!id)
                continue;
            if (!causeKindOf(*id)) {
                std::string known;
                for (const CauseInfo& c : allCauses())
                    if (c.kind != CauseKind::None)
                        known += (known.empty() ? "" : ", ") + std::string(c.id);
                reader_.error(node[i], unsupportedValue(itemPath, "\"" + *id + "\"", known));
                continue;
            }
            ids.push_back(*id);
        }
    }

    void readAnchor(const YAML::Node& node, const std::string& path, StepAnchor& anchor) {
        if (node.IsScalar()) {
            const std::string& s = node.Scalar();
            if (s == "end") {
                anchor.kind = StepAnchor::Kind::End;
                return;
            }
            if (s == "start") {
                anchor.kind = StepAnchor::Kind::Time;
                anchor.time = 0;
                return;
            }
            if (auto seconds = parseDurationSeconds(s)) {
                anchor.kind = StepAnchor::Kind::Time;
                anchor.time = *seconds;
                return;
            }
            reader_.error(node, invalidValue(path, "\"" + s + "\"",
                                             JOBSCOPE_TR_NOOP(
                                                 "jobscope::engine",
                                                 "must be seconds after the Job's creation (such "
                                                 "as 12 or 1m), start, end, or {cause-start: "
                                                 "CAUSE}")));
            return;
        }
        if (!node.IsMap()) {
            reader_.error(node,
                          Message(JOBSCOPE_TR_NOOP(
                                      "jobscope::engine",
                                      "%1: must be seconds, start, end, or {cause-start: CAUSE}"),
                                  {path}));
            return;
        }
        reader_.rejectUnknownKeys(node, path, {"cause-start", "cause-end", "end", "after", "plus"});
        const YAML::Node start = yamlField(node, "cause-start");
        const YAML::Node end = yamlField(node, "cause-end");
        const YAML::Node atEnd = yamlField(node, "end");
        const int kinds = yamlPresent(start) + yamlPresent(end) + atEnd.IsDefined();
        if (kinds != 1) {
            reader_.error(
                node,
                Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                         "%1: needs exactly one of cause-start, cause-end and end"),
                        {path}));
            return;
        }
        if (atEnd.IsDefined()) {
            anchor.kind = StepAnchor::Kind::End;
            if (yamlPresent(atEnd))
                reader_.error(atEnd, Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                              "%1: takes no value (write end: ~)"),
                                             {childPath(path, "end")}));
        } else {
            const YAML::Node causeNode = yamlPresent(start) ? start : end;
            const std::string causePath =
                childPath(path, yamlPresent(start) ? "cause-start" : "cause-end");
            anchor.kind =
                yamlPresent(start) ? StepAnchor::Kind::CauseStart : StepAnchor::Kind::CauseEnd;
            if (auto id = reader_.string(causeNode, causePath)) {
                const auto& ids = anchorCauses();
                if (std::find(ids.begin(), ids.end(), *id) == ids.end()) {
                    std::string known;
                    for (const auto& c : ids)
                        known += (known.empty() ? "" : ", ") + c;
                    reader_.error(causeNode, unsupportedValue(causePath, "\"" + *id + "\"", known));
                }
                anchor.cause = *id;
            }
        }
        if (auto after = seconds(yamlField(node, "after"), childPath(path, "after"))) {
            if (anchor.kind == StepAnchor::Kind::End)
                reader_.error(yamlField(node, "after"),
                              Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                       "%1: only for cause-start and cause-end"),
                                      {childPath(path, "after")}));
            anchor.after = *after;
        }
        const YAML::Node plusNode = yamlField(node, "plus");
        if (auto plus = reader_.number(plusNode, childPath(path, "plus"))) {
            if (anchor.kind == StepAnchor::Kind::End && *plus > 0)
                reader_.error(
                    plusNode,
                    fieldError(childPath(path, "plus"),
                               JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), std::nullopt,
                               JOBSCOPE_TR_NOOP("jobscope::engine", "must not be after the end")));
            anchor.plus = *plus;
        }
    }

    std::optional<Seconds> seconds(const YAML::Node& node, const std::string& path) {
        if (!yamlPresent(node))
            return std::nullopt;
        if (node.IsScalar())
            if (auto value = parseDurationSeconds(node.Scalar()))
                return value;
        reader_.error(
            node,
            fieldError(path, JOBSCOPE_TR_NOOP("jobscope::engine", "Invalid value"), std::nullopt,
                       JOBSCOPE_TR_NOOP("jobscope::engine", "must be a number of seconds >= 0")));
        return std::nullopt;
    }

    void checkCaption(const YAML::Node& node, const std::string& path, const std::string& text,
                      bool hasCompare) {
        if (text.empty())
            return;
        std::string error;
        std::size_t offset = 0;
        const auto placeholders = parseCaption(text, error, offset);
        if (!placeholders) {
            reader_.error(node, Message("%1: %2", {path, error}));
            return;
        }
        for (const CaptionPlaceholder& p : *placeholders) {
            if (!isCaptionPlaceholder(p.name)) {
                const std::string bare =
                    p.name.rfind("compare.", 0) == 0 ? p.name.substr(8) : p.name;
                std::string suggestion;
                std::size_t best = 3;
                for (const auto& name : captionPlaceholderNames()) {
                    const std::size_t d = distance(bare, name);
                    if (d < best) {
                        best = d;
                        suggestion = name;
                    }
                }
                if (suggestion.empty())
                    reader_.error(node,
                                  Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                           "%1: unknown placeholder {%2}; see "
                                                           "docs/lesson.md for the names"),
                                          {path, p.name}));
                else
                    reader_.error(
                        node, Message(JOBSCOPE_TR_NOOP("jobscope::engine",
                                                       "%1: unknown placeholder {%2}; did you mean "
                                                       "{%3}?"),
                                      {path, p.name, suggestion}));
            } else if (p.name.rfind("compare.", 0) == 0 && !hasCompare) {
                reader_.error(node, Message(JOBSCOPE_TR_NOOP(
                                                "jobscope::engine",
                                                "%1: {%2} needs a compare: scenario in the scene"),
                                            {path, p.name}));
            }
        }
    }

    static std::size_t distance(const std::string& a, const std::string& b) {
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j)
            row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const std::size_t up = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
                diagonal = up;
            }
        }
        return row[b.size()];
    }

    std::vector<std::string> lines_;
    YamlReader& reader_;
    const LessonFileReader& readFile_;
    Lesson& lesson_;
};

bool readFromFileSystem(const std::string& path, std::string& text, std::string& error) {
    Diagnostics diagnostics;
    if (readTextFile(path, text, diagnostics))
        return true;
    error = diagnostics.items().empty() ? std::string("cannot read the file")
                                        : diagnostics.items().front().message;
    return false;
}

} // namespace

std::string resolveLessonPath(const std::string& base, const std::string& relative) {
    std::string joined;
    if (relative.rfind('/', 0) == 0 || relative.rfind(":/", 0) == 0) {
        joined = relative;
    } else {
        const std::size_t slash = base.find_last_of('/');
        joined =
            (slash == std::string::npos ? std::string() : base.substr(0, slash + 1)) + relative;
    }
    // Fold "." and ".." lexically, keeping the root (":/", "/") or the leading "../" of a
    // relative path.
    std::string root;
    if (joined.rfind(":/", 0) == 0)
        root = ":/";
    else if (joined.rfind('/', 0) == 0)
        root = "/";
    std::vector<std::string> parts;
    std::istringstream in(joined.substr(root.size()));
    std::string part;
    while (std::getline(in, part, '/')) {
        if (part.empty() || part == ".")
            continue;
        if (part == ".." && !parts.empty() && parts.back() != "..")
            parts.pop_back();
        else if (part != ".." || root.empty())
            parts.push_back(part);
    }
    std::string out = root;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "/" : "") + parts[i];
    return out;
}

std::optional<Lesson> readLessonText(const std::string& text, const std::string& fileName,
                                     Diagnostics& diagnostics, const LessonFileReader& readFile) {
    const int errorsBefore = diagnostics.errorCount();
    std::vector<YAML::Node> documents;
    if (!loadYamlDocuments(text, fileName, documents, diagnostics))
        return std::nullopt;
    YamlReader reader(fileName, diagnostics);
    if (documents.size() != 1) {
        reader.error(
            documents.size() > 1 ? documents[1] : YAML::Node(),
            documents.empty()
                ? JOBSCOPE_TR_NOOP("jobscope::engine", "the lesson file is empty")
                : JOBSCOPE_TR_NOOP("jobscope::engine", "a lesson file holds one YAML document"));
        return std::nullopt;
    }
    Lesson lesson;
    lesson.file = fileName;
    const LessonFileReader fileReader = readFile ? readFile : LessonFileReader(readFromFileSystem);
    LessonReader(text, reader, fileReader, lesson).read(documents.front());
    if (diagnostics.errorCount() != errorsBefore)
        return std::nullopt;
    return lesson;
}

std::optional<Lesson> readLessonFile(const std::string& path, Diagnostics& diagnostics,
                                     const LessonFileReader& readFile) {
    std::string text;
    std::string why;
    const LessonFileReader fileReader = readFile ? readFile : LessonFileReader(readFromFileSystem);
    if (!fileReader(path, text, why)) {
        diagnostics.error(
            path, {},
            Message(JOBSCOPE_TR_NOOP("jobscope::engine", "cannot read the lesson: %1"), {why}));
        return std::nullopt;
    }
    return readLessonText(text, path, diagnostics, fileReader);
}

} // namespace jobscope
