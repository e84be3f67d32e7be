// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrmTerms.h"

namespace Gui {

CrmTerms CrmTerms::of(const QString &crm)
{
    CrmTerms terms;
    if (crm == QLatin1String("retailcrm")) {
        terms.crmName = QStringLiteral("RetailCRM");
        terms.record = tr("Order");
        terms.price = tr("Total");
        terms.pipeline = tr("Shop");
        terms.stage = tr("Status");
        terms.contact = tr("Customer");
        terms.responsible = tr("Manager");
        terms.apiKey = true;
        return terms;
    }
    terms.crmName = QStringLiteral("amoCRM");
    terms.record = tr("Deal");
    terms.price = tr("Price");
    terms.pipeline = tr("Pipeline");
    terms.stage = tr("Stage");
    terms.contact = tr("Contact");
    terms.responsible = tr("Responsible");
    return terms;
}

} // namespace Gui
