// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "model/StatusChange.h"
#include "store/JobRepo.h"

#include <QDateTime>
#include <QList>

namespace Source {

/**
 * Appends stage changes made in a CRM (from its webhooks or its events) to the outbox as
 * `crm.stage_changed` jobs of one connection, for the status lane. The idempotency key is made of the
 * account, the deal, the (pipeline, stage) and the change's time in seconds, so a repeated webhook, or
 * the same change seen by a webhook and by events polling, is one job. A change without a time gets
 * @p receivedAt. Callers wrap the append in their own Storage::Transaction. Stateless; any thread.
 */
class StageChangeInbox
{
public:
    static QString jobKind() { return QStringLiteral("crm.stage_changed"); }

    static Store::NewJob toJob(qint64 connectionId, const QString &crm, const QString &accountId,
                               Model::StatusChange change, const QDateTime &receivedAt);
    /** Returns how many of the changes were new. */
    static Common::Result<int> append(Store::JobRepo &jobs, qint64 connectionId, const QString &crm,
                                      const QString &accountId, const QList<Model::StatusChange> &changes,
                                      const QDateTime &receivedAt);
};

} // namespace Source
