// SPDX-License-Identifier: GPL-3.0-or-later
#include "Problem.h"

#include "MappingLog.h"

namespace Mapping {

QJsonObject Problem::toJson() const
{
    return { { QStringLiteral("severity"),
               severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning") },
             { QStringLiteral("area"), area },
             { QStringLiteral("row_id"), rowId },
             { QStringLiteral("code"), code },
             { QStringLiteral("message"), message } };
}

bool hasErrors(const QList<Problem> &problems)
{
    return std::any_of(problems.cbegin(), problems.cend(), [](const Problem &p) { return p.isError(); });
}

QString summarise(const QList<Problem> &problems)
{
    QStringList parts;
    for (const Problem &p : problems) {
        parts << (p.rowId.isEmpty() ? Text::tr("%1: %2").arg(p.area, p.message)
                                    : Text::tr("%1 row %2: %3").arg(p.area, p.rowId, p.message));
    }
    return parts.join(QLatin1String("; "));
}

QString describeForPeople(const QList<Problem> &problems)
{
    QStringList parts;
    for (const Problem &p : problems) {
        QString area = p.area;
        if (p.area == QLatin1String("orders"))
            area = Text::tr("Order fields");
        else if (p.area == QLatin1String("forms"))
            area = Text::tr("Form fields");
        else if (p.area == QLatin1String("statuses"))
            area = Text::tr("Statuses");
        else if (p.area == QLatin1String("routing") || p.area == QLatin1String("form-routing"))
            area = Text::tr("Routing");
        else if (p.area == QLatin1String("codes"))
            area = Text::tr("Delivery and payment");
        parts << Text::tr("%1: %2").arg(area, p.message);
    }
    parts.removeDuplicates();
    return parts.join(QLatin1String("; "));
}

} // namespace Mapping
