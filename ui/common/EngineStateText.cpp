// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineStateText.h"

namespace Gui {

QString EngineStateText::lane(Engine::LaneState state)
{
    switch (state) {
    case Engine::LaneState::Starting:
        return tr("starting");
    case Engine::LaneState::Idle:
        return tr("idle, waiting for orders");
    case Engine::LaneState::Sending:
        return tr("sending");
    case Engine::LaneState::Paused:
        return tr("paused");
    case Engine::LaneState::Stopped:
        return tr("stopped");
    }
    return {};
}

QString EngineStateText::lane(const QString &storedState)
{
    for (const auto state :
         { Engine::LaneState::Starting, Engine::LaneState::Idle, Engine::LaneState::Sending,
           Engine::LaneState::Paused, Engine::LaneState::Stopped }) {
        if (Engine::laneStateName(state) == storedState)
            return lane(state);
    }
    if (storedState == QLatin1String("gone"))
        return tr("not running");
    return storedState;
}

QString EngineStateText::source(const QString &storedState)
{
    if (storedState == QLatin1String("starting"))
        return tr("starting");
    if (storedState == QLatin1String("watching"))
        return tr("watching");
    if (storedState == QLatin1String("unreachable"))
        return tr("unreachable");
    if (storedState == QLatin1String("stopped"))
        return tr("stopped");
    if (storedState == QLatin1String("gone"))
        return tr("not watched");
    return storedState;
}

} // namespace Gui
