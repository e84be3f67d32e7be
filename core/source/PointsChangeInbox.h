// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "model/PointsChange.h"
#include "store/JobRepo.h"

#include <QDateTime>
#include <QList>

namespace Source {

/**
 * Appends bonus points set in a CRM (Model::PointsChange, from its events) to the outbox as
 * `crm.points_changed` jobs of one connection, for the status lane, which grants the difference in the
 * shop (Engine::PointsBackSync). The idempotency key is made of the account, the customer, the new
 * value and the change's time in seconds, so the same change read twice (a page read again after a
 * crash) is one job. Callers wrap the append in their own Storage::Transaction. Stateless; any thread.
 */
class PointsChangeInbox
{
public:
    static QString jobKind() { return QStringLiteral("crm.points_changed"); }

    static Store::NewJob toJob(qint64 connectionId, const QString &crm, const QString &accountId,
                               Model::PointsChange change, const QDateTime &receivedAt);
    /** Returns how many of the changes were new. */
    static Common::Result<int> append(Store::JobRepo &jobs, qint64 connectionId, const QString &crm,
                                      const QString &accountId, const QList<Model::PointsChange> &changes,
                                      const QDateTime &receivedAt);
};

} // namespace Source
