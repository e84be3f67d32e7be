// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopEvent.h"

#include "common/Json.h"
#include "common/PhoneNumber.h"

#include <QCryptographicHash>
#include <array>
#include <utility>

namespace Model {

namespace {
constexpr std::array<std::pair<ShopEvent::Kind, const char *>, 6> kKindNames { {
    { ShopEvent::Kind::OrderCreated, "order.created" },
    { ShopEvent::Kind::OrderChanged, "order.changed" },
    { ShopEvent::Kind::OrderStatusChanged, "order.status" },
    { ShopEvent::Kind::FormSubmitted, "form.submitted" },
    { ShopEvent::Kind::CustomerSaved, "customer.saved" },
    { ShopEvent::Kind::PurchaseMade, "purchase.made" },
} };
} // namespace

QString ShopEvent::kindName(Kind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

bool ShopEvent::kindFromName(const QString &name, Kind *kind)
{
    for (const auto &[k, n] : kKindNames) {
        if (name == QLatin1String(n)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString ShopEvent::idempotencyKey() const
{
    const QString base = QStringLiteral("%1:%2").arg(source, entityId);
    switch (kind) {
    case Kind::OrderCreated:
        return QStringLiteral("order:%1:created").arg(base);
    case Kind::OrderChanged:
        return QStringLiteral("order:%1:changed:%2").arg(base, revision);
    case Kind::OrderStatusChanged:
        return QStringLiteral("order:%1:status:%2").arg(base, revision);
    case Kind::FormSubmitted:
        return QStringLiteral("form:%1").arg(base);
    case Kind::CustomerSaved:
        return QStringLiteral("customer:%1:%2").arg(base, revision);
    case Kind::PurchaseMade:
        return QStringLiteral("purchase:%1:%2").arg(base, revision);
    }
    return base;
}

QString ShopEvent::hashOf(const QJsonObject &content)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(Common::Json::compact(content), QCryptographicHash::Sha1).toHex());
}

QString ShopEvent::phoneKey(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    auto e164 = Common::PhoneNumber::toE164(trimmed);
    return e164 ? e164.value() : trimmed;
}

} // namespace Model
