// SPDX-License-Identifier: GPL-3.0-or-later
#include "BatchPlanner.h"

#include "common/PhoneNumber.h"

#include <QSet>

namespace Engine {

using Common::Result;

Result<BatchPlan> BatchPlanner::plan(const QList<CreateCandidate> &candidates, const ContactLookup &lookup)
{
    BatchPlan plan;
    QSet<QString> newPeople; // channels of people this batch creates ("p:+7…", "e:…")
    for (const CreateCandidate &candidate : candidates) {
        auto existing = lookup(candidate.phones, candidate.emails);
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            plan.creates.append({ candidate, **existing });
            continue;
        }
        QStringList keys;
        for (const QString &phone : candidate.phones)
            keys << QStringLiteral("p:") + phone;
        for (const QString &email : candidate.emails)
            keys << QStringLiteral("e:") + email;
        const bool seen = std::any_of(keys.cbegin(), keys.cend(),
                                      [&](const QString &k) { return newPeople.contains(k); });
        if (seen) {
            plan.deferred.append(candidate.jobId);
            continue;
        }
        for (const QString &k : keys)
            newPeople.insert(k);
        plan.creates.append({ candidate, QString() });
    }
    return plan;
}

void BatchPlanner::channelsOf(const Crm::DealDraft &draft, const QString &region, QStringList *phones,
                              QStringList *emails)
{
    for (const Crm::ContactChannel &phone : draft.contact.phones) {
        auto e164 = Common::PhoneNumber::toE164(phone.value, region);
        if (e164 && !phones->contains(e164.value()))
            phones->append(e164.value());
    }
    for (const Crm::ContactChannel &email : draft.contact.emails) {
        const QString normal = Common::normaliseEmail(email.value);
        if (!normal.isEmpty() && !emails->contains(normal))
            emails->append(normal);
    }
}

} // namespace Engine
