// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrmTexts.h"

#include "MappingSet.h"
#include "crm/CrmSchema.h"

namespace Mapping {

CrmTexts CrmTexts::forLanguage(const QString &language)
{
    return CrmTexts(language.startsWith(QLatin1String("ru")));
}

QString CrmTexts::languageOf(const MappingSet &set, const Crm::CrmSchema &schema)
{
    return set.language.isEmpty() ? languageOf(schema) : set.language;
}

QString CrmTexts::languageOf(const Crm::CrmSchema &schema)
{
    // The account does not say: amoCRM's and RetailCRM's home market.
    return schema.language.isEmpty() ? QStringLiteral("ru") : schema.language;
}

QString CrmTexts::pick(const char *en, const char *ru) const
{
    return m_ru ? QString::fromUtf8(ru) : QString::fromUtf8(en);
}

QString CrmTexts::orderTitle(const QString &number) const
{
    return pick("Order #%1", "Заказ №%1").arg(number);
}

QString CrmTexts::requestTitle(const QString &id) const
{
    return pick("Request #%1", "Заявка №%1").arg(id);
}

QString CrmTexts::orderNameTemplate() const
{
    return pick("Order #{order.num}", "Заказ №{order.num}");
}

QString CrmTexts::formNameTemplate() const
{
    return pick("Request: {form.name}", "Заявка: {form.name}");
}

QString CrmTexts::products() const
{
    return pick("Products:", "Товары:");
}

QString CrmTexts::cartTotal(const QString &money) const
{
    return pick("Cart total: %1", "Сумма корзины: %1").arg(money);
}

QString CrmTexts::delivery(const QString &name, const QString &money) const
{
    return pick("Delivery: %1 — %2", "Доставка: %1 — %2")
        .arg(name.isEmpty() ? pick("not chosen", "не выбрана") : name, money);
}

QString CrmTexts::payment(const QString &name) const
{
    return pick("Payment: %1", "Оплата: %1").arg(name);
}

QString CrmTexts::total(const QString &money) const
{
    return pick("Total: %1", "Итого: %1").arg(money);
}

QString CrmTexts::address(const QString &address) const
{
    return pick("Address: %1", "Адрес: %1").arg(address);
}

QString CrmTexts::comment(const QString &comment) const
{
    return pick("Comment: %1", "Комментарий: %1").arg(comment);
}

QString CrmTexts::utm(const QString &marks) const
{
    return pick("UTM: %1", "UTM-метки: %1").arg(marks);
}

QString CrmTexts::form(const QString &name) const
{
    return pick("Form: %1", "Форма: %1").arg(name);
}

QString CrmTexts::page(const QString &url) const
{
    return pick("Page: %1", "Страница: %1").arg(url);
}

QString CrmTexts::purchase(const QString &money) const
{
    return pick("Purchase of %1", "Покупка на %1").arg(money);
}

QString CrmTexts::sale(const QString &number) const
{
    return pick("Sale %1", "Продажа %1").arg(number);
}

} // namespace Mapping
