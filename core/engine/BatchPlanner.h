// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "crm/CrmConnector.h"

#include <QList>
#include <QStringList>
#include <functional>
#include <optional>

namespace Engine {

/** One job ready to become a deal: its draft and the person's normalised channels. */
struct CreateCandidate
{
    qint64 jobId = 0;
    Crm::DealDraft draft;
    QStringList phones; ///< E.164
    QStringList emails; ///< lower-cased
};

struct PlannedCreate
{
    CreateCandidate candidate;
    QString existingContactId; ///< empty: the CRM creates a new contact from the draft
};

struct BatchPlan
{
    QList<PlannedCreate> creates;
    QList<qint64> deferred; ///< a new person already being created earlier in this batch: next round
};

/**
 * Decides which deals of a batch link an existing contact and which create one, so that one person
 * is one contact: the contact index answers for known people; a person who is new and appears twice in
 * one batch is created once, and the later orders wait for the next round, when the index knows them.
 * Pure function of its inputs; any thread.
 */
class BatchPlanner
{
public:
    using ContactLookup = std::function<Common::Result<std::optional<QString>>(const QStringList &phones,
                                                                               const QStringList &emails)>;

    static Common::Result<BatchPlan> plan(const QList<CreateCandidate> &candidates,
                                          const ContactLookup &lookup);

    /** Normalised phones and emails of a draft's contact (phones to E.164 in the region; others dropped). */
    static void channelsOf(const Crm::DealDraft &draft, const QString &region, QStringList *phones,
                           QStringList *emails);
};

} // namespace Engine
