// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gui {

/**
 * Every date and time the console shows, one way: the UI locale's short date and time (13.12.2026
 * 14:05 in Russian, 12/13/26 2:05 PM in English), with seconds where they tell calls apart (the Log).
 * Pure functions; any thread.
 */
namespace DateText {

/** The moment (ms since the epoch, shown in local time) as a short date and time. */
QString at(qint64 ms);
/** The same with seconds. */
QString atSeconds(qint64 ms);

} // namespace DateText

} // namespace Gui
