// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/ConnectionRepo.h"
#include "store/Job.h"

#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

namespace Gui {

/**
 * The CRM record a job made or changed: the deal (amoCRM) or order (RetailCRM) linked to the job's shop
 * order or form on the job's connection, with the address that opens it in the CRM's web interface.
 * Plain value; read on the GUI thread's connection.
 */
struct CrmRecordLink
{
    QString crmName; ///< "amoCRM" / "RetailCRM"
    QString record; ///< "Deal" / "Order", as the CRM calls it
    QString id; ///< the CRM's id
    QUrl url; ///< opens it in the CRM's web interface

    /** The record of @p job, when its shop entity is linked on its connection (a delivered job is). */
    static std::optional<CrmRecordLink> of(const std::shared_ptr<Storage::Database> &db,
                                           const Store::Job &job);
    /** amoCRM: <account>/leads/detail/<id>; RetailCRM: <account>/orders/<id>/edit. */
    static QUrl webUrl(const Store::Connection &connection, const QString &crmId);
};

} // namespace Gui
