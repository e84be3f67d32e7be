// SPDX-License-Identifier: GPL-3.0-or-later
// The words of a retail sale on a CRM customer: its note and its transaction's comment.
#include "DraftBuilder.h"
#include "model/SourceFieldCatalogue.h"

#include <QStringList>
#include <cmath>

namespace Mapping {

QString roubles(double amount)
{
    const qint64 kopecks = std::llround(std::fabs(amount) * 100);
    QString whole = QString::number(kopecks / 100);
    for (qsizetype at = whole.size() - 3; at > 0; at -= 3)
        whole.insert(at, QLatin1Char(' '));
    if (kopecks % 100)
        whole += QLatin1Char(',') + QStringLiteral("%1").arg(kopecks % 100, 2, 10, QLatin1Char('0'));
    return (amount < 0 ? QStringLiteral("-") : QString()) + whole + QStringLiteral(" ₽");
}

QString purchaseNote(const Model::ShopOrder &sale, const CrmTexts &texts)
{
    QStringList products;
    for (const Model::OrderLine &line : sale.lines) {
        QString text = line.name.isEmpty() ? line.article : line.name;
        if (line.quantity != 1)
            text += QStringLiteral(" × ") + Model::SourceFieldCatalogue::formatNumber(line.quantity);
        products << text;
    }
    const QString head = texts.purchase(roubles(sale.cost));
    return products.isEmpty() ? head : head + QStringLiteral(": ") + products.join(QStringLiteral(", "));
}

QString purchaseComment(const Model::ShopOrder &sale, const CrmTexts &texts)
{
    return texts.sale(sale.number.isEmpty() ? sale.id : sale.number) + QStringLiteral(" · ") + sale.id;
}

} // namespace Mapping
