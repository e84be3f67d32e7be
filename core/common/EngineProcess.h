// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Common {

/**
 * Who this process is, as the engines of one store name each other in it (lane leases, job leases,
 * claims on a CRM account's state): "machine:pid". The machine part is CRMBRIDGE_ENGINE_NAME when set
 * (containers that share a host name and cannot see each other's processes each need their own), else
 * the host name. A name held by a process of this machine that no longer exists can be taken over at
 * once instead of after its time to live — a killed engine is restarted within seconds. Any thread.
 */
namespace EngineProcess {

/** "machine:pid" of this process. */
QString instanceId();
/** The machine part of instanceId(). */
QString machineName();
/** True when @p name starts with an instanceId() ("machine:pid", anything after another ':' ignored) of
 *  another process of this machine that is gone. False for this process, another machine or a name
 *  of another shape: those only run out. */
bool isGone(const QString &name);

} // namespace EngineProcess

} // namespace Common
