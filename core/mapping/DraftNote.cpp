// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in notes of DraftBuilder: the cart of an order and the fields of a form.
#include "DraftBuilder.h"
#include "MappingLog.h"
#include "model/SourceFieldCatalogue.h"

namespace Mapping {

namespace {

QString utmLine(const QMap<QString, QString> &utm, const CrmTexts &texts)
{
    QStringList parts;
    for (auto it = utm.cbegin(); it != utm.cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            parts << it.key() + QLatin1Char('=') + it.value().trimmed();
    }
    return parts.isEmpty() ? QString() : texts.utm(parts.join(QLatin1String(", ")));
}

} // namespace

QString cartNote(const Model::ShopOrder &order, const CrmTexts &texts)
{
    auto money = &Model::SourceFieldCatalogue::formatNumber;
    QStringList lines;
    lines << texts.orderTitle(order.number.isEmpty() ? order.id : order.number);
    const QStringList products
        = Model::SourceFieldCatalogue::productsText(order).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!products.isEmpty()) {
        lines << texts.products();
        for (qsizetype i = 0; i < products.size(); ++i)
            lines << QStringLiteral("%1. %2").arg(i + 1).arg(products.at(i));
        lines << texts.cartTotal(money(order.cartCost));
    }
    if (!order.deliveryName.isEmpty() || order.deliveryCost != 0) {
        lines << texts.delivery(order.deliveryName, money(order.deliveryCost));
    }
    if (!order.paymentName.isEmpty())
        lines << texts.payment(order.paymentName);
    lines << texts.total(money(order.cost));
    const QString address = Model::SourceFieldCatalogue::fullAddress(order.address);
    if (!address.isEmpty())
        lines << texts.address(address);
    if (!order.comment.trimmed().isEmpty())
        lines << texts.comment(order.comment.trimmed());
    const QString utm = utmLine(order.utm, texts);
    if (!utm.isEmpty())
        lines << utm;
    return lines.join(QLatin1Char('\n'));
}

QString formNote(const Model::FormSubmission &form, const CrmTexts &texts)
{
    QStringList lines;
    lines << texts.form(form.formName);
    if (!form.pageUrl.isEmpty())
        lines << texts.page(form.pageUrl);
    for (const auto &[key, value] : form.fields) {
        if (!value.trimmed().isEmpty())
            lines << key + QStringLiteral(": ") + value.trimmed();
    }
    const QString utm = utmLine(form.utm, texts);
    if (!utm.isEmpty())
        lines << utm;
    return lines.join(QLatin1Char('\n'));
}

} // namespace Mapping
