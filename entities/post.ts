import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { Tag } from "./tag";
import { User } from "./user";

export enum PostStatus {
  Draft = "draft",
  Published = "published",
}

@Entity({ name: "posts", comment: "Articles written by users" })
@Check("CHK_posts_word_count", `"wordCount" >= 0`)
@Index("IDX_posts_published", ["publishedAt"], { where: `"status" = 'published'` })
export class Post {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 200 })
  title!: string;

  @Column({ type: "text", default: "" })
  body!: string;

  @Column({ type: "enum", enum: PostStatus, default: PostStatus.Draft })
  status!: PostStatus;

  @Column({ type: "int", default: 0 })
  wordCount!: number;

  @Column({ type: "timestamptz", nullable: true })
  publishedAt!: Date | null;

  @ManyToOne(() => User, (user) => user.posts, { onDelete: "CASCADE", nullable: false })
  author!: User;

  @ManyToMany(() => Tag, (tag) => tag.posts)
  @JoinTable({ name: "post_tags" })
  tags!: Tag[];

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
