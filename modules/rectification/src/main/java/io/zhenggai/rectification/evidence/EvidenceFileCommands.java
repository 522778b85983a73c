package io.zhenggai.rectification.evidence;

import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.rectification.RectificationCommands.StoreEvidenceFileCommand;
import io.zhenggai.api.rectification.RectificationCommands.StoredEvidenceFile;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Stores an evidence file sent as a command (the workbench's upload form), with the same checks as the upload
 * endpoint: the rectification exists, the file is not empty and not above the limit. The caller's scope was checked
 * at dispatch like for any command ({@code ScopeEnforcement}, as a command only {@code RECTIFIER} sends).
 */
@Component
class EvidenceFileCommands {

    private final EvidenceFiles files;

    EvidenceFileCommands(EvidenceFiles files) {
        this.files = files;
    }

    @CommandHandler
    StoredEvidenceFile handle(StoreEvidenceFileCommand command, @MetaDataValue(MetadataKeys.USER) String user) {
        if (!files.rectificationExists(command.rectificationId())) {
            throw new NotFoundException("rectification", command.rectificationId());
        }
        byte[] content = command.content() == null ? new byte[0] : command.content();
        RuleViolationException.require(content.length > 0, "FILE_EMPTY", "上传的文件是空的");
        RuleViolationException.require(content.length <= files.maxFileSize().toBytes(), "FILE_TOO_LARGE",
                "文件超过上限 " + files.maxFileSize().toMegabytes() + " MB");
        EvidenceFiles.StoredFile stored = files.store(command.rectificationId(), command.fileName(), command.contentType(),
                content, user == null ? MetadataKeys.SYSTEM_USER : user);
        return new StoredEvidenceFile(stored.sha256(), stored.fileName(), stored.contentType(), stored.size());
    }
}
