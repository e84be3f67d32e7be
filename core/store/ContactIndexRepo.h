// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace Store {

/** Which channel identifies a person, and which wins when email and phone point at different contacts. */
enum class ContactMatchRule { EmailThenPhone, PhoneThenEmail, EmailOnly, PhoneOnly, Never };
QString contactMatchRuleName(ContactMatchRule rule);
std::optional<ContactMatchRule> contactMatchRuleFromName(const QString &name);

/**
 * The local contact index of one CRM account: normalised phone (E.164) or lower-cased email → CRM
 * contact id. Filled by a paged first load from the CRM and kept fresh incrementally, plus every
 * contact the bridge creates, so one person is one contact without searching the CRM per order.
 */
class ContactIndexRepo
{
public:
    explicit ContactIndexRepo(std::shared_ptr<Storage::Database> db,
                              const Common::Clock *clock = Common::Clock::system());

    /** The contact for these channels under the rule, if any. Inputs must already be normalised. */
    Common::Result<std::optional<QString>> find(qint64 connectionId, const QStringList &phones,
                                                const QStringList &emails, ContactMatchRule rule);
    /** Records that these channels belong to the contact (newest wins for a channel). */
    Common::Status remember(qint64 connectionId, const QString &contactId, const QStringList &phones,
                            const QStringList &emails, qint64 crmUpdatedAt = 0);
    Common::Status forgetContact(qint64 connectionId, const QString &contactId);
    Common::Result<int> size(qint64 connectionId);

private:
    Common::Result<std::optional<QString>> lookup(qint64 connectionId, const QString &kind,
                                                  const QStringList &values);

    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
