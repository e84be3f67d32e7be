// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/LaneWorker.h"

#include <QCoreApplication>
#include <QString>

namespace Gui {

/** The words the console uses for what the engine's lanes and shop pollers are doing, in the
 *  operator's language. Any thread (pure functions). */
class EngineStateText
{
    Q_DECLARE_TR_FUNCTIONS(Gui::EngineStateText)
public:
    static QString lane(Engine::LaneState state);
    /** A lane state as stored (Engine::laneStateName), or "gone" for a lane whose engine went silent. */
    static QString lane(const QString &storedState);
    /** A shop poller state as stored (Store::SourceStatus::state), or "gone". */
    static QString source(const QString &storedState);
};

} // namespace Gui
