// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The playback toolbar's icons, drawn in the palette's button-text colour so that they stay
// visible in the light and the dark theme (the style's media pixmaps are dark grey in both).

#include <QIcon>
#include <QPalette>

namespace jobscope::ui {

enum class MediaIcon { Play, Pause, SeekBackward, SeekForward, SkipBackward, SkipForward, Loop };

QIcon mediaIcon(MediaIcon icon, const QPalette& palette);

} // namespace jobscope::ui
