// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContactIndexRepo.h"

#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <array>
#include <utility>

namespace Store {

using Common::Result;
namespace Sql = Storage::Sql;

namespace {
constexpr std::array<std::pair<ContactMatchRule, const char *>, 5> kRuleNames { {
    { ContactMatchRule::EmailThenPhone, "email-then-phone" },
    { ContactMatchRule::PhoneThenEmail, "phone-then-email" },
    { ContactMatchRule::EmailOnly, "email-only" },
    { ContactMatchRule::PhoneOnly, "phone-only" },
    { ContactMatchRule::Never, "never" },
} };
} // namespace

QString contactMatchRuleName(ContactMatchRule rule)
{
    for (const auto &[r, name] : kRuleNames) {
        if (r == rule)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<ContactMatchRule> contactMatchRuleFromName(const QString &name)
{
    for (const auto &[r, n] : kRuleNames) {
        if (name == QLatin1String(n))
            return r;
    }
    return std::nullopt;
}

ContactIndexRepo::ContactIndexRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<std::optional<QString>> ContactIndexRepo::lookup(qint64 connectionId, const QString &kind,
                                                        const QStringList &values)
{
    for (const QString &value : values) {
        if (value.isEmpty())
            continue;
        auto id = Sql::scalar(
            *m_db,
            QStringLiteral(
                "SELECT contact_id FROM contact_index WHERE connection_id = ? AND kind = ? AND value = ?"),
            { connectionId, kind, value });
        if (!id)
            return id.error();
        if (id->isValid())
            return std::optional<QString>(id->toString());
    }
    return std::optional<QString>();
}

Result<std::optional<QString>> ContactIndexRepo::find(qint64 connectionId, const QStringList &phones,
                                                      const QStringList &emails, ContactMatchRule rule)
{
    const QString phone = QStringLiteral("phone");
    const QString email = QStringLiteral("email");
    switch (rule) {
    case ContactMatchRule::Never:
        return std::optional<QString>();
    case ContactMatchRule::EmailOnly:
        return lookup(connectionId, email, emails);
    case ContactMatchRule::PhoneOnly:
        return lookup(connectionId, phone, phones);
    case ContactMatchRule::EmailThenPhone: {
        auto byEmail = lookup(connectionId, email, emails);
        if (!byEmail || byEmail->has_value())
            return byEmail;
        return lookup(connectionId, phone, phones);
    }
    case ContactMatchRule::PhoneThenEmail: {
        auto byPhone = lookup(connectionId, phone, phones);
        if (!byPhone || byPhone->has_value())
            return byPhone;
        return lookup(connectionId, email, emails);
    }
    }
    return std::optional<QString>();
}

Common::Status ContactIndexRepo::remember(qint64 connectionId, const QString &contactId,
                                          const QStringList &phones, const QStringList &emails,
                                          qint64 crmUpdatedAt)
{
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    const qint64 updatedAt = crmUpdatedAt > 0 ? crmUpdatedAt : m_clock->nowMs() / 1000;
    auto put = [&](const QString &kind, const QString &value) -> Common::Status {
        if (value.isEmpty())
            return {};
        auto done = Sql::exec(
            *m_db,
            QStringLiteral("INSERT INTO contact_index (connection_id, kind, value, contact_id, updated_at)"
                           " VALUES (?, ?, ?, ?, ?) ON CONFLICT (connection_id, kind, value) DO UPDATE"
                           " SET contact_id = excluded.contact_id, updated_at = excluded.updated_at"),
            { connectionId, kind, value, contactId, updatedAt });
        if (!done)
            return done.error();
        return {};
    };
    for (const QString &p : phones) {
        if (auto ok = put(QStringLiteral("phone"), p); !ok)
            return ok;
    }
    for (const QString &e : emails) {
        if (auto ok = put(QStringLiteral("email"), e); !ok)
            return ok;
    }
    return tx.commit();
}

Common::Status ContactIndexRepo::forgetContact(qint64 connectionId, const QString &contactId)
{
    auto done = Sql::exec(
        *m_db, QStringLiteral("DELETE FROM contact_index WHERE connection_id = ? AND contact_id = ?"),
        { connectionId, contactId });
    if (!done)
        return done.error();
    return {};
}

Result<int> ContactIndexRepo::size(qint64 connectionId)
{
    auto count = Sql::scalar(
        *m_db, QStringLiteral("SELECT COUNT(DISTINCT contact_id) FROM contact_index WHERE connection_id = ?"),
        { connectionId });
    if (!count)
        return count.error();
    return count->toInt();
}

} // namespace Store
