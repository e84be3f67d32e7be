// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "model/Catalog.h"
#include "storage/Database.h"

#include <memory>

namespace App {

/**
 * Publishes a shop's catalogue for RetailCRM (`crmbridgectl icml export`, the RetailCRM demo): writes it
 * as ICML to a file, replacing the last one only once the new one is whole, and names the file in the
 * setting icml.<source>.file, so the intake server serves it at /icml/<source>.xml. Any thread that
 * may use the store.
 */
class IcmlPublisher
{
public:
    static Common::Status publish(const Model::Catalog &catalog, const QString &shopName,
                                  const QString &source, const QString &file,
                                  std::shared_ptr<Storage::Database> store);
    /** The catalogue's path on the intake server. */
    static QString path(const QString &source) { return QStringLiteral("/icml/%1.xml").arg(source); }
};

} // namespace App
