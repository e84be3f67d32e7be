// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace Gui {

/**
 * An icon from the desktop theme, falling back to the bundled SVG (:/icons/<name>.svg) so the
 * console has icons on desktops without a theme. GUI thread.
 */
QIcon themedIcon(const QString &themeName, const QString &bundledName);

} // namespace Gui
