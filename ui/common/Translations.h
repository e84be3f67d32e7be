// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gui {

/**
 * Installs the application's and Qt's own translations for a language ("en", "ru"; empty = the
 * system locale). Returns the language actually used. Call once, on the GUI thread, before any widget.
 */
QString installTranslations(const QString &language);

} // namespace Gui
