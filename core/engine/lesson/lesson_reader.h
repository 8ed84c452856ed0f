// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading lesson files (docs/lesson.md is the teachers' description of the format).
//
//   title: Job parallelism
//   titleZh: Job 并行度
//   scenes:
//   - title: Remaining completions
//     titleZh: 剩余完成数
//     scenario: ../examples/causes/remaining-completions.yaml   # or the scenario inline
//     compare: other.yaml                                        # optional, shown beside it
//     steps:
//     - at: 5
//       caption: "{active} Pods run, as requested"
//       captionZh: "{active} 个 Pod 在运行，与请求一致"
//     - at: {cause-start: remaining-completions}
//       caption: ...
//
// Every problem is reported as `FILE:LINE:COLUMN: error: PATH: ...`; nothing throws. Scenario
// files named by a lesson are read through a caller-supplied function, so that the app can
// read them from its resources (":/examples/...") while the engine stays free of Qt.

#include "diagnostics.h"
#include "lesson/lesson.h"

#include <functional>
#include <optional>
#include <string>

namespace jobscope {

// Reads the file at `path` into `text`; on failure returns false and sets `error` (a message
// without the file name).
using LessonFileReader =
    std::function<bool(const std::string& path, std::string& text, std::string& error)>;

// Parses `text`; `fileName` names it in messages and is the base of relative scenario paths.
// An empty `readFile` reads from the file system. Returns nullopt when there was any error.
std::optional<Lesson> readLessonText(const std::string& text, const std::string& fileName,
                                     Diagnostics& diagnostics,
                                     const LessonFileReader& readFile = {});
// Reads the file at `path` with `readFile`, then as readLessonText.
std::optional<Lesson> readLessonFile(const std::string& path, Diagnostics& diagnostics,
                                     const LessonFileReader& readFile = {});

// `relative` seen from the directory of `base`, with "." and ".." folded away
// ("/a/lessons/l.yaml" + "../examples/x.yaml" = "/a/examples/x.yaml"; ":/lessons/l.yaml" +
// "../examples/x.yaml" = ":/examples/x.yaml"). An absolute `relative` is returned folded.
std::string resolveLessonPath(const std::string& base, const std::string& relative);

} // namespace jobscope
