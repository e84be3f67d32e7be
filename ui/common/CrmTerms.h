// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Gui {

/**
 * The words the console uses for what a CRM holds, by the connection's crm ("amocrm", "retailcrm";
 * Store::Connection::crm, Crm::CrmSchema::crm): an amoCRM deal in a pipeline stage with a contact,
 * a RetailCRM order in a status of a shop with a customer. The one place that knows which CRM says
 * what, and how it signs in. Plain value; translated when made.
 */
struct CrmTerms
{
    Q_DECLARE_TR_FUNCTIONS(Gui::CrmTerms)
public:
    QString crmName; ///< "amoCRM" / "RetailCRM"
    QString record; ///< "Deal" / "Order"
    QString price; ///< "Price" (amoCRM's budget) / "Total"
    QString pipeline; ///< "Pipeline" / "Shop"
    QString stage; ///< "Stage" / "Status"
    QString contact; ///< "Contact" / "Customer"
    QString responsible; ///< "Responsible" / "Manager"
    /** Signs in with an API key that never expires (RetailCRM), not with expiring OAuth tokens. */
    bool apiKey = false;

    static CrmTerms of(const QString &crm);
};

} // namespace Gui
