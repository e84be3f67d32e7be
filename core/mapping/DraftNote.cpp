// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in notes of DraftBuilder: the cart of an order and the fields of a form.
#include "DraftBuilder.h"
#include "MappingLog.h"
#include "SourceFieldCatalogue.h"

namespace Mapping {

namespace {

QString utmLine(const QMap<QString, QString> &utm)
{
    QStringList parts;
    for (auto it = utm.cbegin(); it != utm.cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            parts << it.key() + QLatin1Char('=') + it.value().trimmed();
    }
    return parts.isEmpty() ? QString() : Text::tr("UTM: %1").arg(parts.join(QLatin1String(", ")));
}

} // namespace

QString cartNote(const Model::ShopOrder &order)
{
    auto money = &SourceFieldCatalogue::formatNumber;
    QStringList lines;
    lines << Text::tr("Order #%1").arg(order.number.isEmpty() ? order.id : order.number);
    const QStringList products
        = SourceFieldCatalogue::productsText(order).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!products.isEmpty()) {
        lines << Text::tr("Products:");
        for (qsizetype i = 0; i < products.size(); ++i)
            lines << QStringLiteral("%1. %2").arg(i + 1).arg(products.at(i));
        lines << Text::tr("Cart total: %1").arg(money(order.cartCost));
    }
    if (!order.deliveryName.isEmpty() || order.deliveryCost != 0) {
        lines << Text::tr("Delivery: %1 — %2")
                     .arg(order.deliveryName.isEmpty() ? Text::tr("not chosen") : order.deliveryName,
                          money(order.deliveryCost));
    }
    if (!order.paymentName.isEmpty())
        lines << Text::tr("Payment: %1").arg(order.paymentName);
    lines << Text::tr("Total: %1").arg(money(order.cost));
    const QString address = SourceFieldCatalogue::fullAddress(order.address);
    if (!address.isEmpty())
        lines << Text::tr("Address: %1").arg(address);
    if (!order.comment.trimmed().isEmpty())
        lines << Text::tr("Comment: %1").arg(order.comment.trimmed());
    const QString utm = utmLine(order.utm);
    if (!utm.isEmpty())
        lines << utm;
    return lines.join(QLatin1Char('\n'));
}

QString formNote(const Model::FormSubmission &form)
{
    QStringList lines;
    lines << Text::tr("Form: %1").arg(form.formName);
    if (!form.pageUrl.isEmpty())
        lines << Text::tr("Page: %1").arg(form.pageUrl);
    for (const auto &[key, value] : form.fields) {
        if (!value.trimmed().isEmpty())
            lines << key + QStringLiteral(": ") + value.trimmed();
    }
    const QString utm = utmLine(form.utm);
    if (!utm.isEmpty())
        lines << utm;
    return lines.join(QLatin1Char('\n'));
}

} // namespace Mapping
