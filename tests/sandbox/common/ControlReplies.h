// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FaultInjector.h"
#include "HttpTypes.h"
#include "SandboxClock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

/** What every emulator's `/__sandbox/` control API answers the same way. */
namespace Sandbox::Control {

HttpResponse ok(const QJsonObject &body);
HttpResponse bad(const QString &message);
/** The map's objects in key order. */
QJsonArray values(const QMap<qint64, QJsonObject> &map);

/** GET/POST /__sandbox/faults: POST may clear, apply a profile, and add rules (one in the body, or "rules").
 */
HttpResponse faults(FaultInjector &faults, const HttpRequest &request, const QJsonObject &body);
/** GET/POST /__sandbox/clock: POST {"advance": seconds} moves it forward; extra goes into the answer. */
HttpResponse clock(SandboxClock &clock, const HttpRequest &request, const QJsonObject &body,
                   const QJsonObject &extra = {});

} // namespace Sandbox::Control
