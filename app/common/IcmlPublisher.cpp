// SPDX-License-Identifier: GPL-3.0-or-later
#include "IcmlPublisher.h"

#include "crm/retailcrm/IcmlWriter.h"
#include "store/SettingsRepo.h"

#include <QFileInfo>
#include <QSaveFile>

namespace App {

Common::Status IcmlPublisher::publish(const Model::Catalog &catalog, const QString &shopName,
                                      const QString &source, const QString &file,
                                      std::shared_ptr<Storage::Database> store)
{
    const QByteArray xml
        = Crm::RetailCrm::IcmlWriter::write(catalog, { shopName, {}, QDateTime::currentDateTime() });
    QSaveFile save(file);
    if (!save.open(QIODevice::WriteOnly) || save.write(xml) != xml.size() || !save.commit())
        return Common::Error::unavailable(
            QStringLiteral("cannot write %1: %2").arg(file, save.errorString()));
    return Store::SettingsRepo(std::move(store))
        .setValue(QStringLiteral("icml.%1.file").arg(source), QFileInfo(file).absoluteFilePath());
}

} // namespace App
